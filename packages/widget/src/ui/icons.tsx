/** Inline SVG icons (no external requests, no innerHTML). */
const svg = (d: string) => () => (
  <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
    <path
      d={d}
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
    />
  </svg>
);

export const ChatIcon = svg('M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z');
export const CloseIcon = svg('M6 6l12 12M18 6L6 18');
export const SendIcon = svg('M5 12h13M12 5l7 7-7 7');
export const PrevIcon = svg('M15 6l-6 6 6 6');
export const NextIcon = svg('M9 6l6 6-6 6');
export const DownloadIcon = svg('M12 4v11m-5-5l5 5 5-5M5 20h14');
export const SparkIcon = svg('M12 3l1.8 5.2L19 10l-5.2 1.8L12 17l-1.8-5.2L5 10l5.2-1.8z');
