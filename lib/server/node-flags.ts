/**
 * Node flags of the app's server process, used by `npm start` (package.json) and by the servers the
 * end-to-end tests and the benchmark start, so they measure what runs. The heap cap keeps the server's
 * memory near what it needs: without one, V8 lets the heap grow to several hundred MB under load before
 * collecting. The heaviest work a request does in-process, extracting a 2 MB article, needs about
 * 120 MB; the cross-article analysis runs in a process of its own (lib/analysis/run/job.ts).
 */
export const SERVER_NODE_FLAGS = ["--max-old-space-size=384"] as const;
