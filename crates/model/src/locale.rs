//! The five languages of the app and the direction each script is written in.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A language the app speaks. Serialized as its BCP 47 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    /// Standard Arabic.
    #[serde(rename = "ar")]
    Ar,
    /// Moroccan Darija, in Arabic script.
    #[serde(rename = "ary")]
    Ary,
    /// Standard Moroccan Amazigh, in Tifinagh.
    #[serde(rename = "zgh")]
    Zgh,
    /// French.
    #[serde(rename = "fr")]
    Fr,
    /// English.
    #[serde(rename = "en")]
    En,
}

/// Which way a script runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

impl Direction {
    /// The value of the HTML `dir` attribute.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Ltr => "ltr",
            Self::Rtl => "rtl",
        }
    }
}

/// A locale code the app does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleError;

impl fmt::Display for LocaleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown language (expected one of ar, ary, zgh, fr, en)")
    }
}

impl std::error::Error for LocaleError {}

impl Locale {
    /// Every locale, in the order the language switcher shows them.
    pub const ALL: [Locale; 5] = [Self::Ar, Self::Ary, Self::Zgh, Self::Fr, Self::En];

    /// The BCP 47 code, also the folder name under `locales/`.
    pub const fn code(self) -> &'static str {
        match self {
            Self::Ar => "ar",
            Self::Ary => "ary",
            Self::Zgh => "zgh",
            Self::Fr => "fr",
            Self::En => "en",
        }
    }

    /// The language's name in its own script, as a switcher shows it.
    pub const fn native_name(self) -> &'static str {
        match self {
            Self::Ar => "العربية",
            Self::Ary => "الدارجة",
            Self::Zgh => "ⵜⴰⵎⴰⵣⵉⵖⵜ",
            Self::Fr => "Français",
            Self::En => "English",
        }
    }

    /// The direction of the locale's script.
    pub const fn direction(self) -> Direction {
        match self {
            Self::Ar | Self::Ary => Direction::Rtl,
            Self::Zgh | Self::Fr | Self::En => Direction::Ltr,
        }
    }

    /// Parses a locale code.
    pub fn parse(code: &str) -> Result<Self, LocaleError> {
        Self::ALL
            .into_iter()
            .find(|l| l.code() == code)
            .ok_or(LocaleError)
    }
}

impl Default for Locale {
    /// Arabic: the language most users read first.
    fn default() -> Self {
        Self::Ar
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_directions_follow_the_script() {
        for l in Locale::ALL {
            assert_eq!(Locale::parse(l.code()), Ok(l));
            assert_eq!(
                serde_json::to_string(&l).unwrap(),
                format!("\"{}\"", l.code())
            );
        }
        assert_eq!(Locale::Ar.direction(), Direction::Rtl);
        assert_eq!(Locale::Ary.direction(), Direction::Rtl);
        assert_eq!(Locale::Zgh.direction(), Direction::Ltr);
        assert!(Locale::parse("de").is_err());
    }
}
