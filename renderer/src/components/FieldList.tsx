/** Labelled values, label above value, as the result screen and the history's detail show a person or a record. */
export function FieldList({ rows, testId }: { rows: readonly (readonly [string, string])[]; testId?: string }) {
  return (
    <dl className="holder" data-testid={testId}>
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
