import type { exchangeVi } from "./exchange.ts";

export const exchangeEn: Record<keyof typeof exchangeVi, string> = {
  "exchange.provinceCode": "Invalid province code (two digits, the GSO code of one of the 34 provinces and cities)",
  "exchange.unknownProvince": "There is no province or city with code {code}.",
  "exchange.keyInvalid":
    "Invalid public key: an Ed25519 key in PEM form is needed (starting with “-----BEGIN PUBLIC KEY-----”), as the province's “Figures exchange” screen shows it.",
  "exchange.nothingApproved": "No figures are approved in {from}–{to}: there is nothing to send.",
  "exchange.packageNothingApproved": "The package holds no approved year of figures in {from}–{to}: refused.",
  "exchange.noFile": "Choose the package file to upload.",
  "exchange.tooLarge": "The package file is too large (at most {mb} MB).",
  "exchange.damaged":
    "The file is not a figures package or is damaged and cannot be read. Ask the province to send it again.",
  "exchange.unsigned": "The package carries no signature: refused.",
  "exchange.badSignature":
    "The package's signature does not match its content or the registered key of {province}: it was changed after signing or not signed by the province. Refused.",
  "exchange.noKey":
    "No public key of {province} is registered: register the key (received through an official letter) before receiving its packages.",
  "exchange.otherKey": "The package says it is from {province} but is signed with the key of {signer}. Refused.",
  "exchange.newerFormat":
    "The package was made by a newer version (format {format}, version {version}; this install: {own}). Upgrade before receiving it.",
  "exchange.notThisInstall": "This install serves {installed} and does not receive packages of {province}.",
  "exchange.unknownUnits": "The package names administrative units this install does not have: {codes}.",
  "exchange.unknownModelTypes": "The package has model types this install's catalogue does not have: {codes}.",
  "exchange.receivedLocked":
    "This record was received in figures package no. {id} (the province's approved figures): it cannot be changed, removed or restored on this install. The province corrects it and sends the package again.",
  "exchange.hiddenRecipient": "(individual — name not sent)",
  "exchange.intro":
    "Approved figures go up to the Ministry in one file signed (Ed25519) by this install: nobody retypes them and nobody can change them on the way.",
  "exchange.publicKey.heading": "This install's public key",
  "exchange.publicKey.hint":
    "Send this key to the Department for the Movement to Protect National Security by official letter; on receipt they read back the fingerprint to check it. The private key never leaves the server.",
  "exchange.fingerprint": "Fingerprint",
  "exchange.copy": "Copy key",
  "exchange.copied": "Public key copied.",
  "exchange.package.heading": "Make a package of approved figures",
  "exchange.package.hint":
    "The package holds only each unit's approved years of the period (no drafts); the names of individual award recipients are not sent.",
  "exchange.fromYear": "From year",
  "exchange.toYear": "To year",
  "exchange.package.download": "Download the package",
  "exchange.keys.heading": "Public keys of the provinces",
  "exchange.keys.province": "Province or city",
  "exchange.keys.key": "Public key (PEM)",
  "exchange.keys.register": "Register key",
  "exchange.keys.registered": "The key of {province} is registered.",
  "exchange.keys.none": "No key registered yet.",
  "exchange.keys.at": "Registered at",
  "exchange.keys.by": "Registered by",
  "exchange.upload.heading": "Receive a package",
  "exchange.upload.file": "Package file",
  "exchange.upload.submit": "Receive",
  "exchange.upload.done":
    "Package no. {id} received: {province}, {from}–{to}: {sites} sites, {cameras} camera installations, {awards} awards.",
  "exchange.packages.heading": "Packages received",
  "exchange.packages.none": "No package received yet.",
  "exchange.packages.id": "Package",
  "exchange.packages.period": "Period",
  "exchange.packages.approvedUntil": "Approved up to",
  "exchange.packages.importedAt": "Received at",
  "exchange.packages.importedBy": "Received by",
  "exchange.packages.records": "Sites / camera installations / awards",
  "exchange.packages.replaced": "Replaces",
  "exchange.packages.replacedBy": "Replaced by package no. {id}",
  "exchange.packages.replaces": "package no. {id} ({records} records)",
  "exchange.source": "Source: figures package of the {police}, approved on {date}",
  "exchange.sourceMany": "Source: figures packages received from the provinces (approved up to {date})",
  "exchange.sourcePackage": "Source: figures package no. {id}, approved on {date}",
};
