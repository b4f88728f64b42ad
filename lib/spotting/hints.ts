// Language and message-kind hints for the spotter's combiner (model.ts). The n-gram model reads words; these
// read the shape of a message, which in English support tweets is what tells a complaint from a question
// that uses the same words: "how do I cancel…" (a how-to), "I forgot my password" (the customer's own
// mistake), "we understand how you feel" (the company's voice) against "I paid and still have not received…"
// (a grievance). Each hint is a yes/no input whose weight the combiner learns on the dev split, per language.
// They read the normalised text (accent- and case-free), so they are cheap and deterministic.

export type SpotLang = 'fr' | 'en';

const FR_WORDS = new Set(
  (
    'je j ai est et le la les un une des de du pas que qui pour dans sur avec mon ma mes vous votre vos nous ' +
    'ce cette il elle on ne plus mais ou au aux suis avez bonjour merci commande toujours rien'
  ).split(' '),
);
const EN_WORDS = new Set(
  (
    'i the a an and is are was were to of in on for with my me you your we our it this that not have has ' +
    'be do does did can can t don t will would just get got what how why when hi hello thanks please no'
  ).split(' '),
);

/** French or English, by counting common words of each among the first 200 words (French when tied). */
export function detectLang(norm: string): SpotLang {
  const words = norm.match(/[a-z]+/g) ?? [];
  let fr = 0;
  let en = 0;
  for (const word of words.slice(0, 200)) {
    if (FR_WORDS.has(word)) fr++;
    if (EN_WORDS.has(word)) en++;
  }
  return en > fr ? 'en' : 'fr';
}

/** A hint is a pattern on the normalised text; its name is what the combiner's weights are keyed by. */
const HINTS: Readonly<Record<SpotLang, Readonly<Record<string, RegExp>>>> = {
  fr: {},
  en: {
    // "how do I…", "where can I…", "is there a way…": asking for instructions.
    howTo:
      /\b(?:how (?:do|can|to|long|does|would|should)|where (?:can|do|is|are)|is there (?:a|any) (?:way|option)|is it possible|what'?s the best way)\b/,
    // A question word among the first words: "@brand how do I…", "is there…", "my app crashed, what can I do".
    // (Chosen on dev over "opens with a question word" alone: 0.67 against 0.65 precision at recall 0.90.)
    questionEarly: /^.{0,40}?\b(?:how|where|what|can|could|is|are|does|do|will|would|which|when|should)\b/,
    // The customer's own mistake or situation, not the company's failing.
    ownMistake:
      /\b(?:forgot|forgotten|don'?t remember|do not remember|can'?t remember|accidentally|by mistake|my old (?:phone|number|email|account)|a new phone|lost (?:my )?(?:phone|password))\b/,
    // A brand agent answering, not a customer.
    companyVoice:
      /\b(?:we understand|let us know|tell us more|send us a dm|dm us|we'?re sorry to hear|we apologi[sz]e|thanks for reaching out|happy to help)\b/,
    hypothetical: /\b(?:if i (?:were|was) to|would i be able|hypothetically|in case i)\b/,
    // Something that does not work, did not arrive, or was charged.
    failure:
      /\b(?:not working|doesn'?t work|does not work|won'?t (?:load|work|open|turn|let)|keeps? (?:crashing|saying|getting|freezing)|crash(?:ed|es|ing)|error|broken|still (?:not|no|haven'?t|hasn'?t)|never (?:got|received|arrived)|didn'?t (?:get|receive)|did not (?:get|receive)|haven'?t (?:got|received)|charged)\b/,
    // The customer paid or ordered.
    paid: /\b(?:i|we) (?:have )?(?:just )?(?:bought|purchased|paid|ordered|pre-?ordered)\b/,
  },
};

export const HINT_NAMES: Readonly<Record<SpotLang, readonly string[]>> = {
  fr: Object.keys(HINTS.fr),
  en: Object.keys(HINTS.en),
};

/** The hints of `lang` found in the normalised text, in HINT_NAMES order. */
export function hintsOf(norm: string, lang: SpotLang): string[] {
  const text = norm.slice(0, 4000);
  return HINT_NAMES[lang].filter((name) => HINTS[lang][name]?.test(text));
}
