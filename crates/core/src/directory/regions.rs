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
/// the title does not say it; and Darija as people write it in Latin
/// letters on a phone ("khdma", "takwin", digits for ع ح ق as in
/// "machrou3", "mo7ami"), since listings are rarely written that way. The
/// words join the index when a listing is written (a snapshot or delta),
/// so a cache indexed before a word was added finds it after the next
/// update of that listing.
pub fn category_words(category: &str) -> &'static str {
    match category {
        "job" => "شغل عمل تشغيل emploi travail job khdma khedma khadma 5dma 5edma khdem",
        "training" => "تكوين تدريب formation training takwin tkwin takween",
        "vocational_training" => {
            "تكوين مهني formation professionnelle vocational training takwin tkwin mihani mihaniya"
        }
        "business_creation" => {
            "مقاولة مقاولات إنشاء مشروع création entreprise business \
             machrou3 mashrou3 machrou mochrou3 mqawla mokawala moqawala"
        }
        "income_generating" => {
            "نشاط مدر للدخل مشروع activité génératrice revenus income machrou3 mashrou3 dakhl"
        }
        "financing" => "تمويل قرض financement prêt crédit loan financing tamwil kredi qard",
        "programme" => "برنامج programme program barnamaj",
        "listening_center" => "مركز استماع écoute listening istima3 insat nsat",
        "care_cell" => "خلية التكفل النساء ضحايا العنف cellule prise en charge care khaliya",
        "police" => "شرطة أمن police bolis boulice polis",
        "gendarmerie" => "الدرك الملكي gendarmerie jadarmiya jadarmia darak",
        "health" => "صحة مستشفى santé hôpital health sbitar sbital se7a saha",
        "shelter" => "إيواء مأوى hébergement refuge shelter iwa2 iwae",
        "legal_aid" => "مساعدة قانونية محامي aide juridique avocat legal mo7ami mohami",
        "association" => "جمعية association jam3iya jam3ia jamaiya",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
