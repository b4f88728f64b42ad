import type { webmail as fr } from '../fr/webmail';

export const webmail: Record<keyof typeof fr, string> = {};
