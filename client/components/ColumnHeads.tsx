import type { MessageKey } from "@qt/shared/messages/index";
import type { ReactNode } from "react";
import { useI18n } from "../i18n/I18nProvider.tsx";

/** A table's head: one row of column headings, each a catalogue key, in order. */
export function ColumnHeads({ keys }: { keys: MessageKey[] }) {
  const { t } = useI18n();
  return (
    <thead>
      <tr>
        {keys.map((k) => (
          <th key={k} scope="col">
            {t(k)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A table that scrolls sideways by itself on a narrow screen: its column headings, then its rows. */
export function ScrollTable(props: { heads: MessageKey[]; className?: string; label?: string; children: ReactNode }) {
  return (
    <div className="table-scroll">
      <table className={props.className} aria-label={props.label}>
        <ColumnHeads keys={props.heads} />
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
