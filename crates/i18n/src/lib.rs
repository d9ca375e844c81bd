//! Every string a person reads, in ar, ary, zgh, fr and en.
//!
//! The Fluent files under `locales/<code>/` are compiled into the binary, so
//! the UI needs no network and no file access to speak her language. The
//! same catalog runs in the wasm UI and in native tests: a test fails when a
//! message id is missing from a locale or a message does not format.
//!
//! Unicode isolation marks stay on: an Arabic town inside a French sentence
//! keeps its own direction.

#![warn(missing_docs)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub use fluent_bundle::FluentArgs;
use fluent_bundle::{FluentBundle, FluentResource, FluentValue};
use kulna_model::Locale;
use std::collections::BTreeSet;

/// The Fluent sources of one locale: every `.ftl` file, concatenated in a
/// fixed order.
pub fn sources(locale: Locale) -> &'static [&'static str] {
    macro_rules! ftl {
        ($code:literal, $name:literal) => {
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../locales/",
                $code,
                "/",
                $name
            ))
        };
    }
    // One file per part of the app, so the parts grow without stepping on
    // each other: the woman's screens, the directory, the staff side.
    macro_rules! files {
        ($code:literal) => {
            &[
                ftl!($code, "main.ftl"),
                ftl!($code, "directory.ftl"),
                ftl!($code, "staff.ftl"),
            ]
        };
    }
    match locale {
        Locale::Ar => files!("ar"),
        Locale::Ary => files!("ary"),
        Locale::Zgh => files!("zgh"),
        Locale::Fr => files!("fr"),
        Locale::En => files!("en"),
    }
}

/// The locale a message falls back to when a locale lacks it at run time
/// (the completeness test makes that a bug, but a person still sees words).
/// Darija falls back to Arabic, Tamazight to Arabic then French.
pub fn fallbacks(locale: Locale) -> &'static [Locale] {
    match locale {
        Locale::Ar => &[Locale::Ar, Locale::Fr, Locale::En],
        Locale::Ary => &[Locale::Ary, Locale::Ar, Locale::Fr, Locale::En],
        Locale::Zgh => &[Locale::Zgh, Locale::Ar, Locale::Fr, Locale::En],
        Locale::Fr => &[Locale::Fr, Locale::En],
        Locale::En => &[Locale::En],
    }
}

/// A problem found in the Fluent files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogProblem {
    /// The locale whose file has the problem.
    pub locale: &'static str,
    /// What is wrong.
    pub problem: String,
}

struct Bundle {
    locale: Locale,
    bundle: FluentBundle<FluentResource>,
}

/// All five locales, parsed once.
pub struct Catalog {
    bundles: Vec<Bundle>,
    problems: Vec<CatalogProblem>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog")
            .field("problems", &self.problems)
            .finish_non_exhaustive()
    }
}

fn language_id(locale: Locale) -> unic_langid::LanguageIdentifier {
    // Darija counts as Arabic does (zero, one, two, few, many, other), so
    // its bundle takes Moroccan Arabic's plural rules. Tamazight has no
    // CLDR rules of its own: it gets one/other.
    match locale {
        Locale::Ar => unic_langid::langid!("ar"),
        Locale::Ary => unic_langid::langid!("ar-MA"),
        Locale::Zgh => unic_langid::langid!("zgh"),
        Locale::Fr => unic_langid::langid!("fr"),
        Locale::En => unic_langid::langid!("en"),
    }
}

impl Catalog {
    /// Parses every locale. Syntax errors and duplicate ids are collected
    /// in [`Catalog::problems`], never a panic.
    pub fn new() -> Self {
        let mut bundles = Vec::new();
        let mut problems = Vec::new();
        for locale in Locale::ALL {
            let mut bundle = FluentBundle::new(vec![language_id(locale)]);
            for source in sources(locale) {
                let resource = match FluentResource::try_new((*source).to_owned()) {
                    Ok(r) => r,
                    Err((r, errors)) => {
                        for e in errors {
                            problems.push(CatalogProblem {
                                locale: locale.code(),
                                problem: format!("syntax error: {e:?}"),
                            });
                        }
                        r
                    }
                };
                if let Err(errors) = bundle.add_resource(resource) {
                    for e in errors {
                        problems.push(CatalogProblem {
                            locale: locale.code(),
                            problem: format!("{e:?}"),
                        });
                    }
                }
            }
            bundles.push(Bundle { locale, bundle });
        }
        Self { bundles, problems }
    }

    /// Problems found while parsing.
    pub fn problems(&self) -> &[CatalogProblem] {
        &self.problems
    }

    fn bundle(&self, locale: Locale) -> Option<&FluentBundle<FluentResource>> {
        self.bundles
            .iter()
            .find(|b| b.locale == locale)
            .map(|b| &b.bundle)
    }

    /// The message `id` in `locale`, falling back along [`fallbacks`], or
    /// the id itself when no locale has it (so a gap shows, never a crash).
    pub fn text(&self, locale: Locale, id: &str) -> String {
        self.format(locale, id, None)
    }

    /// The message with a count argument, for plural forms.
    pub fn count(&self, locale: Locale, id: &str, count: u32) -> String {
        let mut args = FluentArgs::new();
        args.set("count", FluentValue::from(count));
        self.format(locale, id, Some(&args))
    }

    /// The message with named arguments.
    pub fn format(&self, locale: Locale, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        for fallback in fallbacks(locale) {
            let Some(bundle) = self.bundle(*fallback) else {
                continue;
            };
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
        }
        id.to_owned()
    }

    /// Whether `locale` itself (without fallback) has the message.
    pub fn has(&self, locale: Locale, id: &str) -> bool {
        self.bundle(locale)
            .and_then(|b| b.get_message(id))
            .and_then(|m| m.value())
            .is_some()
    }
}

impl Default for Catalog {
    fn default() -> Self {
        Self::new()
    }
}

/// The message ids defined in a locale's sources.
pub fn message_ids(locale: Locale) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for source in sources(locale) {
        let resource = match fluent_syntax::parser::parse(*source) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        for entry in resource.body {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                ids.insert(m.id.name.to_owned());
            }
        }
    }
    ids
}

/// Every difference between the English ids and another locale's, as
/// sentences naming the missing and extra ids. Empty when complete.
pub fn completeness_problems() -> Vec<String> {
    let reference = message_ids(Locale::En);
    let mut out = Vec::new();
    for locale in Locale::ALL {
        let ids = message_ids(locale);
        let missing: Vec<_> = reference.difference(&ids).cloned().collect();
        let extra: Vec<_> = ids.difference(&reference).cloned().collect();
        if !missing.is_empty() {
            out.push(format!("{} lacks: {}", locale.code(), missing.join(", ")));
        }
        if !extra.is_empty() {
            out.push(format!(
                "{} has ids en lacks: {}",
                locale.code(),
                extra.join(", ")
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_has_exactly_the_english_ids() {
        let problems = completeness_problems();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        assert!(message_ids(Locale::En).len() > 10);
    }

    #[test]
    fn every_file_parses_and_every_message_formats() {
        let catalog = Catalog::new();
        assert!(catalog.problems().is_empty(), "{:?}", catalog.problems());
        for locale in Locale::ALL {
            for id in message_ids(locale) {
                assert!(catalog.has(locale, &id), "{} {}", locale.code(), id);
                let bundle = catalog.bundle(locale).unwrap();
                let pattern = bundle.get_message(&id).unwrap().value().unwrap();
                let mut args = FluentArgs::new();
                args.set("count", FluentValue::from(3));
                args.set("version", FluentValue::from(1));
                // Every named argument a message may take.
                args.set("region", FluentValue::from("Fès-Meknès"));
                args.set("date", FluentValue::from("31/03/2027"));
                args.set("title", FluentValue::from("Formation"));
                args.set("length", FluentValue::from("1:05"));
                args.set("percent", FluentValue::from(45));
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{} {}: {:?}", locale.code(), id, errors);
                assert!(!text.trim().is_empty(), "{} {} is empty", locale.code(), id);
            }
        }
    }

    #[test]
    fn arabic_plurals_use_their_own_categories() {
        let catalog = Catalog::new();
        let forms: Vec<String> = [0, 1, 2, 3, 11, 100]
            .into_iter()
            .map(|n| catalog.count(Locale::Ar, "home-waiting", n))
            .collect();
        // zero, one, two, few (3–10), many (11–99), other (100–102)
        let distinct: BTreeSet<_> = forms.iter().collect();
        assert_eq!(distinct.len(), 6, "{forms:#?}");
        assert!(
            forms[1].contains("واحد") || forms[1].contains("عنصر"),
            "{}",
            forms[1]
        );
    }

    #[test]
    fn english_plurals_and_isolation() {
        let catalog = Catalog::new();
        let one = catalog.count(Locale::En, "home-waiting", 1);
        let many = catalog.count(Locale::En, "home-waiting", 4);
        assert_ne!(one, many);
        // Placeables are wrapped in FSI ... PDI so mixed-direction text stays readable.
        assert!(
            many.contains('\u{2068}') && many.contains('\u{2069}'),
            "{many:?}"
        );
    }

    #[test]
    fn fallback_never_panics_and_shows_the_id_when_nothing_has_it() {
        let catalog = Catalog::new();
        assert_eq!(catalog.text(Locale::Ary, "no-such-id"), "no-such-id");
    }
}
