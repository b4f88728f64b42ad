import type { register as fr } from '../fr/register';

export const register: Record<keyof typeof fr, string> = {};
