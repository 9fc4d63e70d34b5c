/**
 * The one clock every bench process reads. Server, loaders and orchestrator run on this machine, so wall-clock
 * milliseconds compare directly across processes and with the server's own Date.now() (its `openedAt`);
 * timeOrigin + now() gives the same clock with sub-millisecond resolution.
 */
export const clock = (): number => performance.timeOrigin + performance.now();

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
