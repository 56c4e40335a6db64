/** A labelled progress bar for anything long (demo load, imports). */
export function ProgressBar({ label, value, max }: { label: string; value: number; max: number }) {
  return (
    <div className="progress">
      <label>
        {label}
        <progress value={value} max={max} aria-valuenow={value} aria-valuemax={max} />
      </label>
    </div>
  );
}
