import type { spotting as fr } from '../fr/spotting';

export const spotting: Record<keyof typeof fr, string> = {};
