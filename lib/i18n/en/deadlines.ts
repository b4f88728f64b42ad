import type { deadlines as fr } from '../fr/deadlines';

export const deadlines: Record<keyof typeof fr, string> = {};
