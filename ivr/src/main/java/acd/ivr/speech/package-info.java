/**
 * How each language of the menus says the values it reads back (amounts, months, numbers, digit
 * strings): {@link acd.ivr.speech.Speech}, one implementation per language, each answering with
 * the names of the project's own recordings ({@code config/prompts/<language>.txt}, rendered by
 * {@code scripts/prompts}). Pure functions: no I/O, no state.
 */
package acd.ivr.speech;
