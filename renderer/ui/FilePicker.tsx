import { useState, type DragEvent, type RefObject } from 'react';

/** A file field that also takes a file dropped anywhere on it (imports, verifying a certificate). */
export function FilePicker({
  inputRef,
  onChoose,
  label,
  hint,
  accept,
}: {
  inputRef?: RefObject<HTMLInputElement | null>;
  onChoose: (file: File | undefined) => void;
  label: string;
  hint: string;
  /** File types offered by the picker, as the `accept` attribute takes them. */
  accept: string;
}) {
  const [dragging, setDragging] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    onChoose(e.dataTransfer.files[0]);
  };
  return (
    <div
      className={`drop-zone${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <label className="field">
        <span>{label}</span>
        <input
          ref={inputRef}
          type="file"
          accept={accept}
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Cleared so that choosing the same file again (after fixing it) is noticed.
            if (!inputRef) e.target.value = '';
            onChoose(file);
          }}
        />
      </label>
      <p className="field-hint">{hint}</p>
    </div>
  );
}
