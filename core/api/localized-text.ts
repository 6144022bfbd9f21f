/**
 * A clerk-facing text in both languages of the terminal. Warnings are written once, at the code
 * that finds the problem, in English (the CLI JSON and the stored record keep the English) and in
 * Vietnamese (the kiosk shows it when the UI language is Vietnamese). Interpolated values (error
 * codes, file names, technical reasons) may appear in both; personal data never does.
 */
import { z } from 'zod';

export const LocalizedTextSchema = z.object({ en: z.string().min(1), vi: z.string().min(1) });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export function localized(en: string, vi: string): LocalizedText {
  return { en, vi };
}

/** The English texts, in order: what `VerificationResult.warnings` carries. */
export function englishTexts(texts: readonly LocalizedText[]): string[] {
  return texts.map((t) => t.en);
}
