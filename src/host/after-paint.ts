/**
 * Runs `task` after the browser has painted the current frame: what was just rendered shows
 * first, whatever the task costs. Returns a cancel function.
 */
export function afterPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => (timer = setTimeout(task, 0))) : undefined;
  if (frame === undefined) timer = setTimeout(task, 0);
  return () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
