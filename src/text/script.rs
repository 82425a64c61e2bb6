//! Simplified / Traditional display: phrase-by-phrase conversion on the OpenCC data, with
//! a map from every shown byte back to the source byte it stands for.
//!
//! The dictionaries are OpenCC's, as the `opencc-fmmseg` crate (MIT) ships them; the matching
//! is ours: each round of dictionaries (phrases, then characters) is one map searched by
//! forward maximum matching, as OpenCC does it (the longest key at each character, the
//! lengths to try known per first character), so `头发` is converted as a phrase (`頭髮`)
//! and `皇后` stays. Doing the matching here gives the
//! alignment for free: every replacement is known by its source and shown ranges, so a
//! position in the shown text always maps back to a byte offset of the source, even where a
//! phrase changes the number of characters or their byte lengths.
//!
//! A converter is built once per target, on first use (only when a script other than the
//! one written is asked for), and shared by every thread.

use std::sync::OnceLock;

use opencc_fmmseg::{DictMaxLen, DictionaryMaxlength};
use rustc_hash::{FxHashMap, FxHashSet};

/// Two characters as one key.
fn pair(a: char, b: char) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// The script the text is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Script {
    /// As the source has it (no conversion).
    #[default]
    AsWritten,
    /// Simplified characters (简体).
    Simplified,
    /// Traditional characters (繁體) in the given standard.
    Traditional(Standard),
}

/// Which standard of traditional characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Standard {
    /// Taiwan (OpenCC `s2tw`).
    #[default]
    Tw,
    /// Hong Kong (OpenCC `s2hk`).
    Hk,
    /// OpenCC's own traditional standard (`s2t`).
    T,
}

impl Script {
    /// The next script in the display cycle: as written → 简体 → 繁體 → as written.
    pub fn next(self, standard: Standard) -> Script {
        match self {
            Script::AsWritten => Script::Simplified,
            Script::Simplified => Script::Traditional(standard),
            Script::Traditional(_) => Script::AsWritten,
        }
    }
}

/// Text converted for display, with the map back to the source.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Converted {
    /// The shown text.
    pub text: String,
    /// Aligned offsets (source byte, shown byte), increasing in both, from (0, 0) to the two
    /// lengths: the source before an anchor is shown exactly as the text before it. Every
    /// character boundary has one except inside a replacement that changes the number of
    /// characters, which maps as a whole.
    anchors: Vec<(u32, u32)>,
}

impl Converted {
    /// `s` shown as written (every character boundary an anchor).
    pub fn identity(s: &str) -> Converted {
        let mut anchors: Vec<(u32, u32)> = s.char_indices().map(|(i, _)| (i as u32, i as u32)).collect();
        anchors.push((s.len() as u32, s.len() as u32));
        Converted { text: s.to_string(), anchors }
    }

    /// The source offset of shown byte `at`: the last anchor at or before it.
    pub fn to_source(&self, at: usize) -> usize {
        let i = self.anchors.partition_point(|&(_, d)| d as usize <= at);
        self.anchors.get(i.saturating_sub(1)).map_or(0, |&(s, _)| s as usize)
    }

    /// The shown offset of source byte `at`: the last anchor at or before it.
    pub fn to_shown(&self, at: usize) -> usize {
        let i = self.anchors.partition_point(|&(s, _)| s as usize <= at);
        self.anchors.get(i.saturating_sub(1)).map_or(0, |&(_, d)| d as usize)
    }
}

/// One round of dictionaries searched together (phrases before characters): forward
/// maximum matching, as OpenCC does it. At each character, the longest key starting there
/// is replaced; a character that starts no key is copied.
struct Round {
    /// Every key of two characters or more with its replacement.
    map: FxHashMap<Box<[char]>, Box<str>>,
    /// For a character that starts some key, a bit per key length (bit `n` for `n`
    /// characters) that some key starting with it has.
    starts: FxHashMap<char, u64>,
    /// The same for the Basic Multilingual Plane, where nearly all text is: a lookup in an
    /// array instead of a hash.
    bmp: Box<[u64]>,
    /// The first two characters of every longer key, so that most characters need no
    /// lookup of a phrase.
    pairs: FxHashSet<u64>,
    /// The one-character keys: their replacements by character.
    single: FxHashMap<char, Box<str>>,
}

/// The rounds that convert into one script.
struct Converter {
    rounds: Vec<Round>,
}

/// OpenCC's dictionaries, decompressed once.
fn dictionaries() -> &'static DictionaryMaxlength {
    static DICTS: OnceLock<DictionaryMaxlength> = OnceLock::new();
    // The data is built into the binary: it cannot be missing, and an empty dictionary (no
    // conversion) is the only other outcome.
    DICTS.get_or_init(|| DictionaryMaxlength::new().unwrap_or_default())
}

impl Round {
    /// A round over `dicts`: a key of an earlier dictionary wins over the same key later.
    fn new(dicts: &[&DictMaxLen]) -> Round {
        let mut map: FxHashMap<Box<[char]>, Box<str>> = FxHashMap::default();
        let mut single: FxHashMap<char, Box<str>> = FxHashMap::default();
        let mut starts: FxHashMap<char, u64> = FxHashMap::default();
        let mut pairs = FxHashSet::default();
        for d in dicts {
            for (k, v) in d.iter() {
                // An entry may list alternatives; OpenCC takes the first. An entry that keeps
                // its key (皇后) is kept: it stops the characters' own entries.
                let value = v.split(' ').next().unwrap_or(v);
                match k {
                    [] => continue,
                    [c] => {
                        if single.contains_key(c) {
                            continue;
                        }
                        single.insert(*c, value.into());
                    }
                    [a, b, ..] if k.len() <= 63 => {
                        if map.contains_key(k) {
                            continue;
                        }
                        map.insert(k.into(), value.into());
                        pairs.insert(pair(*a, *b));
                    }
                    _ => continue,
                }
                *starts.entry(k[0]).or_default() |= 1 << k.len();
            }
        }
        let mut bmp = vec![0u64; 0x1_0000].into_boxed_slice();
        for (&c, &mask) in &starts {
            if let Some(slot) = bmp.get_mut(c as usize) {
                *slot = mask;
            }
        }
        Round { map, starts, bmp, pairs, single }
    }

    /// The key lengths of the keys starting with `c` (a bit per length).
    fn lengths(&self, c: char) -> u64 {
        match self.bmp.get(c as usize) {
            Some(&m) => m,
            None => self.starts.get(&c).copied().unwrap_or(0),
        }
    }

    /// Converts `s`, with the anchors between `s` and the result.
    fn apply(&self, s: &str) -> Converted {
        let mut text = String::with_capacity(s.len() + 8);
        let mut anchors = Vec::with_capacity(s.len() / 2 + 2);
        // The characters ahead, decoded once, for the keys' lookups.
        let chars: Vec<char> = s.chars().collect();
        let mut at = 0; // byte offset in `s`
        let mut i = 0; // character index
        while i < chars.len() {
            let c = chars[i];
            let mut mask = self.lengths(c) & (u64::MAX >> (63 - (chars.len() - i).min(63)));
            if mask > 0b11 && !chars.get(i + 1).is_some_and(|&d| self.pairs.contains(&pair(c, d))) {
                // No longer key starts with these two characters.
                mask &= 0b11;
            }
            let mut matched = false;
            while mask != 0 {
                let n = 63 - mask.leading_zeros() as usize;
                mask &= !(1 << n);
                let value = if n == 1 { self.single.get(&c) } else { self.map.get(&chars[i..i + n]) };
                let Some(value) = value else { continue };
                let key_len: usize = chars[i..i + n].iter().map(|c| c.len_utf8()).sum();
                if value.chars().count() == n {
                    // Character for character: every boundary stays aligned.
                    let (mut from, mut to) = (at, text.len());
                    for (k, v) in chars[i..i + n].iter().zip(value.chars()) {
                        anchors.push((from as u32, to as u32));
                        from += k.len_utf8();
                        to += v.len_utf8();
                    }
                } else {
                    anchors.push((at as u32, text.len() as u32));
                }
                text.push_str(value);
                at += key_len;
                i += n;
                matched = true;
                break;
            }
            if !matched {
                anchors.push((at as u32, text.len() as u32));
                text.push(c);
                at += c.len_utf8();
                i += 1;
            }
        }
        anchors.push((s.len() as u32, text.len() as u32));
        Converted { text, anchors }
    }
}

/// The anchors of `first` then `second` (the second converting the first's text): the
/// offsets aligned in both.
fn compose(first: &[(u32, u32)], second: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let mut out = Vec::with_capacity(first.len().min(second.len()));
    let (mut i, mut j) = (0, 0);
    while i < first.len() && j < second.len() {
        let (s, m) = first[i];
        let (m2, d) = second[j];
        match m.cmp(&m2) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push((s, d));
                i += 1;
                j += 1;
            }
        }
    }
    out
}

impl Converter {
    fn new(script: Script) -> Converter {
        let d = dictionaries();
        let mut rounds = Vec::new();
        match script {
            Script::AsWritten => {}
            Script::Simplified => {
                // Regional variants back to OpenCC's traditional forms, then to simplified.
                rounds.push(Round::new(&[
                    &d.tw_variants_rev_phrases,
                    &d.hk_variants_rev_phrases,
                    &d.tw_variants_rev,
                    &d.hk_variants_rev,
                ]));
                rounds.push(Round::new(&[&d.ts_phrases, &d.ts_characters]));
            }
            Script::Traditional(standard) => {
                rounds.push(Round::new(&[&d.st_phrases, &d.st_characters]));
                match standard {
                    Standard::Tw => rounds.push(Round::new(&[&d.tw_variants_phrases, &d.tw_variants])),
                    Standard::Hk => rounds.push(Round::new(&[&d.hk_variants_phrases, &d.hk_variants])),
                    Standard::T => {}
                }
            }
        }
        Converter { rounds }
    }

    fn convert(&self, s: &str) -> Converted {
        let mut done: Option<Converted> = None;
        for round in &self.rounds {
            let input = done.as_ref().map_or(s, |d| d.text.as_str());
            // A round none of whose keys can start in the text leaves it as it is (the
            // regional variants' rounds, for most paragraphs): no pass, no map to compose.
            if !input.chars().any(|c| round.lengths(c) != 0) {
                continue;
            }
            let next = round.apply(input);
            done = Some(match done {
                None => next,
                Some(prev) => Converted { anchors: compose(&prev.anchors, &next.anchors), text: next.text },
            });
        }
        done.unwrap_or_else(|| Converted::identity(s))
    }
}

/// The converter into `script`, built on first use.
fn converter(script: Script) -> &'static Converter {
    static CONVERTERS: [OnceLock<Converter>; 5] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let i = match script {
        Script::AsWritten => 0,
        Script::Simplified => 1,
        Script::Traditional(Standard::Tw) => 2,
        Script::Traditional(Standard::Hk) => 3,
        Script::Traditional(Standard::T) => 4,
    };
    CONVERTERS[i].get_or_init(|| Converter::new(script))
}

/// `s` shown in `script`, with the map back to `s`.
pub fn convert(s: &str, script: Script) -> Converted {
    match script {
        Script::AsWritten => Converted::identity(s),
        _ => converter(script).convert(s),
    }
}

/// `s` shown in `script`, without the map (outline entries, the status line).
pub fn convert_text(s: &str, script: Script) -> String {
    match script {
        Script::AsWritten => s.to_string(),
        _ => converter(script).convert(s).text,
    }
}

/// Characters folded for a search that finds a word whatever script it is written in: the
/// characters any dictionary pairs (character for character, every alternative) fall in one
/// class, which folds to one of them. A search then checks what is shown at each place the
/// classes match (see `app::state::search`).
struct Folds {
    to: std::collections::HashMap<char, char>,
}

fn folds() -> &'static Folds {
    static FOLDS: OnceLock<Folds> = OnceLock::new();
    FOLDS.get_or_init(|| {
        use std::collections::HashMap;
        let d = dictionaries();
        let mut parent: HashMap<char, char> = HashMap::new();
        fn root(parent: &mut HashMap<char, char>, c: char) -> char {
            let mut r = c;
            while let Some(&p) = parent.get(&r).filter(|&&p| p != r) {
                r = p;
            }
            // Path halving is not needed for classes of a few characters; point at the root.
            parent.insert(c, r);
            r
        }
        let dicts = [
            &d.st_characters,
            &d.ts_characters,
            &d.st_phrases,
            &d.ts_phrases,
            &d.tw_variants,
            &d.tw_variants_rev,
            &d.tw_variants_phrases,
            &d.tw_variants_rev_phrases,
            &d.hk_variants,
            &d.hk_variants_rev,
            &d.hk_variants_phrases,
            &d.hk_variants_rev_phrases,
        ];
        for dict in dicts {
            for (k, v) in dict.iter() {
                for alt in v.split(' ') {
                    if alt.chars().count() != k.len() {
                        continue;
                    }
                    for (&a, b) in k.iter().zip(alt.chars()) {
                        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                        if ra != rb {
                            // The smaller code point stands for the class, whatever the order.
                            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
                            parent.insert(hi, lo);
                            parent.insert(lo, lo);
                        }
                    }
                }
            }
        }
        let chars: Vec<char> = parent.keys().copied().collect();
        let mut to = HashMap::with_capacity(chars.len());
        for c in chars {
            let r = root(&mut parent, c);
            if r != c {
                to.insert(c, r);
            }
        }
        Folds { to }
    })
}

/// Whether some other character folds to `c`'s class (so a search for it must look at more
/// than its own bytes).
fn in_class(c: char) -> bool {
    static TARGETS: OnceLock<std::collections::HashSet<char>> = OnceLock::new();
    TARGETS.get_or_init(|| folds().to.values().copied().collect()).contains(&c)
}

/// `c` folded across scripts: its simplified form (itself when it has none).
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    folds().to.get(&c).copied().unwrap_or(c)
}

/// Whether some other character folds to `c` (so a search for `c` must look at more than
/// its own bytes).
pub fn has_other_forms(c: char) -> bool {
    !c.is_ascii() && (folds().to.contains_key(&c) || in_class(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TW: Script = Script::Traditional(Standard::Tw);

    #[test]
    fn phrases_convert_as_phrases() {
        let s = |t: &str| convert(t, Script::Simplified).text;
        let t = |t: &str| convert(t, TW).text;
        assert_eq!(s("頭髮"), "头发");
        assert_eq!(s("乾淨"), "干净");
        assert_eq!(s("皇后"), "皇后");
        assert_eq!(t("皇后"), "皇后");
        assert_eq!(t("后来"), "後來");
        assert_eq!(t("发展"), "發展");
        assert_eq!(t("头发"), "頭髮");
        assert_eq!(t("干净"), "乾淨");
        // Mixed with text no dictionary knows, which passes through.
        assert_eq!(t("2024年，GDP发展。"), "2024年，GDP發展。");
        assert_eq!(convert("發展", Script::AsWritten).text, "發展");
    }

    #[test]
    fn standards_differ_where_the_regions_do() {
        let hk = Script::Traditional(Standard::Hk);
        assert_eq!(convert("台湾温度", TW).text, "臺灣溫度");
        assert_eq!(convert("台湾温度", hk).text, "台灣温度");
        assert_eq!(convert("温度", Script::Traditional(Standard::T)).text, "溫度");
    }

    #[test]
    fn offsets_map_both_ways_character_by_character() {
        let src = "后来a发展";
        let c = convert(src, TW);
        assert_eq!(c.text, "後來a發展");
        // Every source character boundary maps to the shown one and back.
        for ((s, _), (d, _)) in src.char_indices().zip(c.text.char_indices()) {
            assert_eq!(c.to_shown(s), d);
            assert_eq!(c.to_source(d), s);
        }
        assert_eq!(c.to_source(c.text.len()), src.len());
        assert_eq!(c.to_shown(src.len()), c.text.len());
    }

    #[test]
    fn a_replacement_of_another_length_maps_as_a_whole() {
        // A round whose only entry changes the number of characters and their byte length.
        let dict = DictMaxLen::build_from_pairs(vec![("U盘".to_string(), "隨身碟".to_string())]);
        let round = Round::new(&[&dict]);
        let src = "买U盘了";
        let c = round.apply(src);
        assert_eq!(c.text, "买隨身碟了");
        let u = src.find('U').expect("U");
        let le = src.find('了').expect("了");
        let d = c.text.find('隨').expect("隨");
        // Inside the replacement, every shown byte maps to where it starts in the source.
        for at in d..c.text.find('了').expect("了") {
            assert_eq!(c.to_source(at), u);
        }
        assert_eq!(c.to_source(c.text.find('了').expect("了")), le);
        assert_eq!(c.to_shown(le), c.text.find('了').expect("了"));
        assert_eq!(c.to_source(0), 0);
        // Composed with a second round, the map still runs end to end.
        let second = Round::new(&[&DictMaxLen::build_from_pairs(vec![("了".to_string(), "瞭".to_string())])]);
        let next = second.apply(&c.text);
        let both = compose(&c.anchors, &next.anchors);
        let done = Converted { text: next.text, anchors: both };
        assert_eq!(done.text, "买隨身碟瞭");
        assert_eq!(done.to_source(done.text.find('瞭').expect("瞭")), le);
        assert_eq!(done.to_source(done.text.len()), src.len());
    }

    #[test]
    fn search_folds_every_form_to_one() {
        assert_eq!(fold_char('發'), fold_char('发'));
        assert_eq!(fold_char('髮'), fold_char('发'));
        assert_eq!(fold_char('乾'), fold_char('干'));
        assert_eq!(fold_char('後'), fold_char('后'));
        assert!(has_other_forms(fold_char('发')));
        assert!(!has_other_forms('的'));
        assert_eq!(fold_char('a'), 'a');
    }
}
