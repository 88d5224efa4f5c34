/** What the reader had to assume or derive (units assumed, limb leads computed …), under either case summary. */
export function RecordNotes({ notes }: { notes: readonly string[] | undefined }) {
  if (!notes || notes.length === 0) return null;
  return (
    <ul className="record-notes">
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}
