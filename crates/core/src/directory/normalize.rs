//! Text normalization for the directory search, applied the same way to
//! what is indexed and to what she types, so that spellings people use
//! interchangeably meet.
//!
//! * **Arabic** (and Darija in Arabic script): hamza and alef forms
//!   (أ إ آ ٱ) → ا; ى → ي; ة → ه; ؤ → و; ئ → ي; the Maghrebi and Persian
//!   letters ڭ گ ک → ك, ڤ → ف, ی → ي; tatweel, harakat, Quranic marks and
//!   joiners removed (SQLite's `unicode61` would treat harakat as
//!   separators: "مَدْرَسَة" would become single letters); Arabic-Indic and
//!   Persian digits → ASCII. Then a light prefix stemmer: a word starting
//!   with ال, وال, بال, فال, كال or لل loses it when at least three letters
//!   remain, so "التكوين" and "تكوين" are one word.
//! * **Latin** (French, English, Darija in Latin letters): lower case,
//!   accents and cedilla folded (é è ê ë → e, ç → c, œ → oe…), combining
//!   marks removed, so "Fès", "FES" and "fe\u{301}s" are "fes".
//! * **Tifinagh** is kept as written.
//!
//! Latin-script Darija digit-letters (3 → ع, 7 → ح, 9 → ق) are **not**
//! rewritten: a word like "t9ra" is Latin letters around a digit, and
//! turning the digit alone into an Arabic letter gives a mixed-script word
//! that matches nothing; transliterating whole words is ambiguous (vowels
//! are not written in Arabic). Such words are indexed and searched as typed
//! (lower-cased), which finds listings written the same way.
//!
//! Words are runs of letters and digits; everything else separates them.
//! One-character words are dropped (elided French articles, stray letters).

/// The longest word kept, in characters (longer ones are cut).
pub const MAX_WORD_CHARS: usize = 40;

fn is_arabic_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{0640}' // tatweel
    )
}

fn is_removed(c: char) -> bool {
    is_arabic_mark(c)
        || matches!(c,
            '\u{0300}'..='\u{036F}' // combining diacritics (decomposed accents)
            | '\u{00AD}'           // soft hyphen
            | '\u{200B}'..='\u{200F}' // zero-width and direction marks
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FE00}'..='\u{FE0F}'
        )
}

/// Maps one character to its normalized form, pushing it onto `out`.
fn push_folded(c: char, out: &mut String) {
    let mapped = match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        'ى' | 'ئ' | 'ی' | 'ې' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        'ڭ' | 'گ' | 'ک' => 'ك',
        'ڤ' => 'ف',
        '\u{0660}'..='\u{0669}' => char::from_digit(c as u32 - 0x0660, 10).unwrap_or(c),
        '\u{06F0}'..='\u{06F9}' => char::from_digit(c as u32 - 0x06F0, 10).unwrap_or(c),
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => 'y',
        'œ' | 'Œ' => {
            out.push_str("oe");
            return;
        }
        'æ' | 'Æ' => {
            out.push_str("ae");
            return;
        }
        'ß' => {
            out.push_str("ss");
            return;
        }
        _ => {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else if is_caseless_letter(c) {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
            return;
        }
    };
    out.push(mapped);
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}')
}

/// Arabic and Tifinagh letters, most of what is indexed: letters without
/// case, known here without a look-up in Unicode's tables.
fn is_caseless_letter(c: char) -> bool {
    is_arabic_letter(c) || matches!(c, '\u{2D30}'..='\u{2D67}' | '\u{2D6F}')
}

/// The Arabic prefixes the stemmer removes, longest first.
const ARABIC_PREFIXES: [&str; 6] = ["وال", "بال", "فال", "كال", "ال", "لل"];

fn stem(word: String) -> String {
    if !word.chars().next().is_some_and(is_arabic_letter) {
        return word;
    }
    for p in ARABIC_PREFIXES {
        if let Some(rest) = word.strip_prefix(p) {
            if rest.chars().count() >= 3 {
                return rest.to_owned();
            }
        }
    }
    word
}

/// The normalized words of `text`, in order (duplicates kept).
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut chars = 0usize;
    let flush = |word: &mut String, chars: &mut usize, out: &mut Vec<String>| {
        if *chars >= 2 {
            out.push(stem(std::mem::take(word)));
        } else {
            word.clear();
        }
        *chars = 0;
    };
    for c in text.chars() {
        if is_removed(c) {
            continue;
        }
        if is_caseless_letter(c) || c.is_alphanumeric() {
            if chars < MAX_WORD_CHARS {
                let before = word.len();
                push_folded(c, &mut word);
                if word.len() > before {
                    chars += 1;
                }
            }
        } else if !word.is_empty() || chars > 0 {
            flush(&mut word, &mut chars, &mut out);
        }
    }
    flush(&mut word, &mut chars, &mut out);
    out
}

/// The normalized text: its words joined by single spaces.
pub fn normalize(text: &str) -> String {
    words(text).join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_forms_meet() {
        assert_eq!(normalize("التكوين"), "تكوين");
        assert_eq!(normalize("تَكْوِين"), "تكوين");
        assert_eq!(normalize("مقاولة"), normalize("مقاوله"));
        assert_eq!(normalize("إدماج"), "ادماج");
        assert_eq!(normalize("آسفي"), "اسفي");
        assert_eq!(normalize("مستشفى"), "مستشفي");
        assert_eq!(normalize("مـــدرسة"), "مدرسه");
        assert_eq!(normalize("مَدْرَسَة"), "مدرسه");
        assert_eq!(normalize("٢٠٢٦"), "2026");
        assert_eq!(normalize("للتكوين والتشغيل"), "تكوين تشغيل");
        // Too short to lose the article.
        assert_eq!(normalize("الم"), "الم");
    }

    #[test]
    fn latin_forms_meet() {
        assert_eq!(normalize("Fès"), "fes");
        assert_eq!(normalize("FES"), "fes");
        assert_eq!(normalize("fe\u{301}s"), "fes");
        assert_eq!(normalize("fôrmation"), "formation");
        assert_eq!(normalize("L'Oriental"), "oriental");
        assert_eq!(
            normalize("Laâyoune-Sakia El Hamra"),
            "laayoune sakia el hamra"
        );
        assert_eq!(normalize("cœur"), "coeur");
        assert_eq!(normalize("t9ra 5dma"), "t9ra 5dma");
    }

    #[test]
    fn caseless_letters_are_letters_without_case() {
        for c in ('\u{0600}'..='\u{06FF}').chain('\u{2D30}'..='\u{2D7F}') {
            if is_caseless_letter(c) {
                assert!(c.is_alphanumeric(), "{c:?}");
                assert!(c.to_lowercase().eq([c]), "{c:?}");
            }
        }
    }

    #[test]
    fn tifinagh_is_kept_and_junk_is_empty() {
        assert_eq!(normalize("ⵜⴰⵎⴰⵣⵉⵖⵜ"), "ⵜⴰⵎⴰⵣⵉⵖⵜ");
        assert_eq!(normalize(""), "");
        assert_eq!(normalize("\"*-NEAR( )"), "near");
        assert_eq!(normalize("!!! ؟؟ ..."), "");
        let long = "ا".repeat(10_000);
        assert_eq!(words(&long)[0].chars().count(), MAX_WORD_CHARS);
    }
}
