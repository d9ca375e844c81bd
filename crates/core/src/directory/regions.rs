//! The 12 regions of Morocco (since 2015), as the search needs them: their
//! names in Arabic and French (indexed, so a listing is found by its region's
//! name in either language) and which regions border which ("nearest
//! first"). The same names ship as data in `central/data/regions.json`; a
//! test keeps the two in step. Tifinagh names are not verified and are not
//! here: an administrator fills them in the data.

/// One region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    /// Code, 1 to 12.
    pub code: u8,
    /// French name.
    pub fr: &'static str,
    /// Arabic name.
    pub ar: &'static str,
    /// Neighbouring regions (sharing a border), by code.
    pub borders: &'static [u8],
}

/// The 12 regions, in code order.
pub const REGIONS: [Region; 12] = [
    Region {
        code: 1,
        fr: "Tanger-Tétouan-Al Hoceïma",
        ar: "طنجة تطوان الحسيمة",
        borders: &[2, 3, 4],
    },
    Region {
        code: 2,
        fr: "L'Oriental",
        ar: "الشرق",
        borders: &[1, 3, 8],
    },
    Region {
        code: 3,
        fr: "Fès-Meknès",
        ar: "فاس مكناس",
        borders: &[1, 2, 4, 5, 8],
    },
    Region {
        code: 4,
        fr: "Rabat-Salé-Kénitra",
        ar: "الرباط سلا القنيطرة",
        borders: &[1, 3, 5, 6],
    },
    Region {
        code: 5,
        fr: "Béni Mellal-Khénifra",
        ar: "بني ملال خنيفرة",
        borders: &[3, 4, 6, 7, 8],
    },
    Region {
        code: 6,
        fr: "Casablanca-Settat",
        ar: "الدار البيضاء سطات",
        borders: &[4, 5, 7],
    },
    Region {
        code: 7,
        fr: "Marrakech-Safi",
        ar: "مراكش آسفي",
        borders: &[5, 6, 8, 9],
    },
    Region {
        code: 8,
        fr: "Drâa-Tafilalet",
        ar: "درعة تافيلالت",
        borders: &[2, 3, 5, 7, 9],
    },
    Region {
        code: 9,
        fr: "Souss-Massa",
        ar: "سوس ماسة",
        borders: &[7, 8, 10],
    },
    Region {
        code: 10,
        fr: "Guelmim-Oued Noun",
        ar: "كلميم واد نون",
        borders: &[9, 11],
    },
    Region {
        code: 11,
        fr: "Laâyoune-Sakia El Hamra",
        ar: "العيون الساقية الحمراء",
        borders: &[10, 12],
    },
    Region {
        code: 12,
        fr: "Dakhla-Oued Ed-Dahab",
        ar: "الداخلة وادي الذهب",
        borders: &[11],
    },
];

/// The region with this code.
pub fn region(code: u8) -> Option<&'static Region> {
    REGIONS.get(usize::from(code).checked_sub(1)?)
}

/// Hops from region `from` to region `to`, capped at 2 (0: the same).
pub fn distance(from: u8, to: u8) -> u8 {
    if from == to {
        return 0;
    }
    match region(from) {
        Some(r) if r.borders.contains(&to) => 1,
        _ => 2,
    }
}

/// Words for a listing's category, in Arabic, French and English, indexed
/// so that "تكوين" or "emploi" finds listings of that category even when
/// the title does not say it.
pub fn category_words(category: &str) -> &'static str {
    match category {
        "job" => "شغل عمل تشغيل emploi travail job",
        "training" => "تكوين تدريب formation training",
        "vocational_training" => "تكوين مهني formation professionnelle vocational training",
        "business_creation" => "مقاولة مقاولات إنشاء مشروع création entreprise business",
        "income_generating" => "نشاط مدر للدخل مشروع activité génératrice revenus income",
        "financing" => "تمويل قرض financement prêt crédit loan financing",
        "programme" => "برنامج programme program",
        "emergency" => "طوارئ نجدة اتصال urgence secours appel emergency call",
        "listening_center" => "مركز استماع écoute listening",
        "care_cell" => "خلية التكفل النساء ضحايا العنف cellule prise en charge care",
        "police" => "شرطة أمن police",
        "gendarmerie" => "الدرك الملكي gendarmerie",
        "health" => "صحة مستشفى santé hôpital health",
        "shelter" => "إيواء مأوى hébergement refuge shelter",
        "legal_aid" => "مساعدة قانونية محامي aide juridique avocat legal",
        "association" => "جمعية association",
        _ => "",
    }
}

/// Darija as people write it in Latin letters on a phone (digits for
/// ع ح ق as in "machrou3", "mo7ami"), and the Arabic word each stands
/// for. Applied to the words of a query, not to the index: the index does
/// not grow, and a cache indexed before a word was added finds it at once.
const LATIN_DARIJA: &[(&[&str], &str)] = &[
    (
        &["khdma", "khedma", "khadma", "5dma", "5edma", "khdem"],
        "شغل",
    ),
    (&["takwin", "tkwin", "takween"], "تكوين"),
    (&["mihani", "mihaniya"], "مهني"),
    (
        &["machrou3", "mashrou3", "machrou", "mochrou3", "mchrou3"],
        "مشروع",
    ),
    (&["mqawla", "mokawala", "moqawala", "m9awla"], "مقاوله"),
    (&["tamwil"], "تمويل"),
    (&["kredi", "qard", "9ard"], "قرض"),
    (&["barnamaj"], "برنامج"),
    (&["istima3", "insat", "nsat"], "استماع"),
    (&["bolis", "boulice", "polis"], "شرطه"),
    (&["jadarmiya", "jadarmia", "darak"], "درك"),
    (&["sbitar", "sbital"], "مستشفي"),
    (&["se7a", "sa7a", "saha"], "صحه"),
    (&["iwa2", "iwae"], "ايواء"),
    (&["mo7ami", "mohami", "m7ami"], "محامي"),
    (&["jam3iya", "jam3ia", "jamaiya"], "جمعيه"),
];

/// The Arabic word a Latin-script Darija word (already normalized: lower
/// case) stands for, if it is one people commonly type.
pub fn latin_darija(word: &str) -> Option<&'static str> {
    LATIN_DARIJA
        .iter()
        .find(|(spellings, _)| spellings.contains(&word))
        .map(|(_, arabic)| *arabic)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_darija_words_stand_for_indexed_arabic_words() {
        for (spellings, arabic) in LATIN_DARIJA {
            // The target is one word, already as the index writes it.
            assert_eq!(
                crate::directory::normalize::words(arabic),
                vec![arabic.to_string()]
            );
            for s in *spellings {
                assert_eq!(
                    crate::directory::normalize::words(s),
                    vec![s.to_string()],
                    "{s}"
                );
                assert_eq!(latin_darija(s), Some(*arabic));
            }
        }
        assert_eq!(latin_darija("formation"), None);
    }

    #[test]
    fn codes_and_borders_are_consistent() {
        for (i, r) in REGIONS.iter().enumerate() {
            assert_eq!(usize::from(r.code), i + 1);
            for b in r.borders {
                assert!(
                    region(*b).is_some_and(|o| o.borders.contains(&r.code)),
                    "{} and {b} border each other both ways",
                    r.code
                );
            }
        }
        assert_eq!(distance(6, 6), 0);
        assert_eq!(distance(6, 4), 1);
        assert_eq!(distance(6, 12), 2);
        assert!(region(0).is_none() && region(13).is_none());
    }
}
