//! Her language: the message catalog, and `<html lang dir>` kept in step.

use kulna_i18n::Catalog;
use kulna_model::Locale;
use std::rc::Rc;

thread_local! {
    static CATALOG: Rc<Catalog> = Rc::new(Catalog::new());
}

/// A message in `locale`.
pub fn t(locale: Locale, id: &str) -> String {
    CATALOG.with(|c| c.text(locale, id))
}

/// A message with a count, for plural forms.
pub fn t_count(locale: Locale, id: &str, count: u32) -> String {
    CATALOG.with(|c| c.count(locale, id, count))
}

/// A message with one numeric argument named `name`.
pub fn t_num(locale: Locale, id: &str, name: &'static str, value: u32) -> String {
    let mut args = kulna_i18n::FluentArgs::new();
    args.set(name, value);
    CATALOG.with(|c| c.format(locale, id, Some(&args)))
}

/// A message with named arguments.
pub fn t_args(locale: Locale, id: &str, args: &kulna_i18n::FluentArgs<'_>) -> String {
    CATALOG.with(|c| c.format(locale, id, Some(args)))
}

/// Sets `lang` and `dir` on the document element, so the whole page, the
/// screen reader and the browser's bidi algorithm follow her language.
pub fn apply_to_document(locale: Locale) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = root.set_attribute("lang", locale.code());
    let _ = root.set_attribute("dir", locale.direction().as_str());
}

/// A message with one text argument named `name` (a date, a title).
pub fn t_str(locale: Locale, id: &str, name: &'static str, value: &str) -> String {
    let mut args = kulna_i18n::FluentArgs::new();
    args.set(name, value.to_owned());
    CATALOG.with(|c| c.format(locale, id, Some(&args)))
}
