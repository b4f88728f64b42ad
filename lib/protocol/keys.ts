/** Key in storage.local that the background bumps on every register change; every context listens to it. */
export const CHANGE_KEY = 'registerChange';
