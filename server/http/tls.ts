import { createPrivateKey, X509Certificate } from "node:crypto";
import fs from "node:fs";

/**
 * The certificate and key of TLS_CERT/TLS_KEY (PEM files), checked before the server starts: a file
 * that cannot be read, is not PEM, or a key that is not the certificate's stops the start with a
 * message saying which (issue 29 item 4).
 */
export function readTls(certFile: string, keyFile: string): { cert: Buffer; key: Buffer } {
  const read = (file: string, what: string) => {
    try {
      return fs.readFileSync(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? "";
      throw new Error(`Không đọc được ${what} ${file} (${code}) (cannot read the ${what} file).`);
    }
  };
  const cert = read(certFile, "TLS_CERT");
  const key = read(keyFile, "TLS_KEY");
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch {
    throw new Error(`TLS_CERT ${certFile} không phải chứng thư PEM (is not a PEM certificate).`);
  }
  let privateKey: ReturnType<typeof createPrivateKey>;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new Error(
      `TLS_KEY ${keyFile} không phải khóa riêng PEM không mật khẩu (is not an unencrypted PEM private key).`,
    );
  }
  if (!x509.checkPrivateKey(privateKey)) {
    throw new Error(
      `TLS_KEY không khớp với chứng thư TLS_CERT (the key ${keyFile} does not belong to the certificate ${certFile}).`,
    );
  }
  return { cert, key };
}
