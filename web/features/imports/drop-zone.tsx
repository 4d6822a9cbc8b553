/**
 * Drop a file here, or pick one: the file input is a real, focusable control (keyboard and screen
 * readers use it as usual); dragging a file over the box only adds a second way in.
 */
import { type DragEvent, useId, useState } from 'react';
import { useT } from '../../i18n/use-t.tsx';

export function DropZone({
  accept,
  disabled,
  onFile,
  hint,
}: {
  accept: string;
  disabled: boolean;
  onFile: (file: File) => void;
  hint: string;
}) {
  const { t } = useT();
  const [dragging, setDragging] = useState(false);
  const hintId = useId();
  const over = (event: DragEvent) => {
    event.preventDefault();
    if (!disabled) setDragging(true);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: dropping is a pointer-only extra; the file input inside is the control for everyone
    <div
      className={`drop-zone${dragging ? ' is-dragging' : ''}${disabled ? ' is-disabled' : ''}`}
      onDragEnter={over}
      onDragOver={over}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
      data-testid="drop-zone"
    >
      <p className="drop-title">{dragging ? t('imports.dropNow') : t('imports.drop')}</p>
      <label className="file-button">
        {t('imports.pick')}
        <input
          type="file"
          accept={accept}
          disabled={disabled}
          aria-describedby={hintId}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onFile(file);
            // Picking the same file again (after fixing it in Excel) must fire again.
            e.target.value = '';
          }}
          data-testid="file-input"
        />
      </label>
      <p className="hint" id={hintId}>
        {hint}
      </p>
    </div>
  );
}
