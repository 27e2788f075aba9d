import { useRef } from 'react';
import { t } from '@/lib/i18n';
import { MAX_WIDTH, MIN_WIDTH } from '@/lib/panel/store';

export interface ResizeHandleProps {
  width: number;
  onResize(width: number): void;
  onResizeEnd(width: number): void;
  /** A drag starts (true) or ends (false). */
  onDrag?(dragging: boolean): void;
}

/** The panel's left edge: drag to resize, or focus it and use ←/→ (keyboard users and tests alike). */
export function ResizeHandle({ width, onResize, onResizeEnd, onDrag }: ResizeHandleProps) {
  const drag = useRef<{ startX: number; startWidth: number; last: number } | undefined>(undefined);
  return (
    <div
      className="tb-resize"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('panel.resize')}
      aria-valuemin={MIN_WIDTH}
      aria-valuemax={MAX_WIDTH}
      aria-valuenow={width}
      tabIndex={0}
      onPointerDown={(event) => {
        event.preventDefault();
        event.currentTarget.setPointerCapture?.(event.pointerId);
        // Screen coordinates: the panel's frame moves as it resizes, so frame-relative ones would drift.
        drag.current = { startX: event.screenX, startWidth: width, last: width };
        onDrag?.(true);
      }}
      onPointerMove={(event) => {
        if (!drag.current) return;
        const next = drag.current.startWidth + (drag.current.startX - event.screenX);
        drag.current.last = next;
        onResize(next);
      }}
      onPointerUp={() => {
        if (!drag.current) return;
        onResizeEnd(drag.current.last);
        drag.current = undefined;
        onDrag?.(false);
      }}
      onPointerCancel={() => {
        if (!drag.current) return;
        drag.current = undefined;
        onDrag?.(false);
      }}
      onKeyDown={(event) => {
        const step = event.shiftKey ? 40 : 10;
        if (event.key === 'ArrowLeft') onResizeEnd(width + step);
        else if (event.key === 'ArrowRight') onResizeEnd(width - step);
        else return;
        event.preventDefault();
      }}
    />
  );
}
