// The few Chrome APIs the browser tests call inside the extension's pages and service worker.
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<never>; getURL(path: string): string };
  action: {
    getBadgeText(d: object): Promise<string>;
    getTitle(d: object): Promise<string>;
    getBadgeBackgroundColor(d: object): Promise<number[]>;
  };
  storage: { local: { get(k?: string | string[]): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
};
