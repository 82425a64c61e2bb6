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
    /// Where the map changes, increasing in both offsets, from the start to the two ends;
    /// between two anchors the source and the shown text either go in step, byte for byte
    /// and character for character (most text: copied, or replaced by characters of the
    /// same length), or the whole stretch stands for the whole (a replacement of another
    /// length), marked `atomic`.
    anchors: Vec<Anchor>,
}

/// One point of the map (see [`Converted`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Anchor {
    /// Source byte.
    src: u32,
    /// Shown byte.
    shown: u32,
    /// The stretch up to the next anchor maps as a whole.
    atomic: bool,
}

impl Converted {
    /// `s` shown as written.
    pub fn identity(s: &str) -> Converted {
        let end = s.len() as u32;
        let anchors =
            vec![Anchor { src: 0, shown: 0, atomic: false }, Anchor { src: end, shown: end, atomic: false }];
        Converted { text: s.to_string(), anchors }
    }

    /// The source offset of shown byte `at` (a character boundary of the shown text): the
    /// source character it shows, or the start of the replacement it is part of.
    pub fn to_source(&self, at: usize) -> usize {
        let i = self.anchors.partition_point(|a| a.shown as usize <= at);
        match self.anchors.get(i.saturating_sub(1)) {
            Some(a) if a.atomic => a.src as usize,
            Some(a) => a.src as usize + (at - a.shown as usize),
            None => 0,
        }
    }

    /// The shown offset of source byte `at` (a character boundary of the source).
    pub fn to_shown(&self, at: usize) -> usize {
        let i = self.anchors.partition_point(|a| a.src as usize <= at);
        match self.anchors.get(i.saturating_sub(1)) {
            Some(a) if a.atomic => a.shown as usize,
            Some(a) => a.shown as usize + (at - a.src as usize),
            None => 0,
        }
    }
}

/// Builds the anchors of a conversion as it goes.
struct Anchors(Vec<Anchor>);

impl Anchors {
    /// A point where the map changes; the stretch after it is `atomic` or in step.
    fn mark(&mut self, src: usize, shown: usize, atomic: bool) {
        let a = Anchor { src: src as u32, shown: shown as u32, atomic };
        match self.0.last_mut() {
            // The same point again: the later stretch is what follows it.
            Some(last) if last.src == a.src && last.shown == a.shown => *last = a,
            // Still in step since the last in-step anchor: nothing changes here.
            Some(last) if !last.atomic && !atomic && a.src - last.src == a.shown - last.shown => {}
            _ => self.0.push(a),
        }
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
        let mut anchors = Anchors(vec![Anchor { src: 0, shown: 0, atomic: false }]);
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
                if value.len() == key_len && value.chars().count() == n {
                    // Character for character, byte for byte: still in step.
                } else if value.chars().count() == n {
                    // Character for character: each pair of another byte length is a stretch.
                    let (mut from, mut to) = (at, text.len());
                    for (k, v) in chars[i..i + n].iter().zip(value.chars()) {
                        anchors.mark(from, to, k.len_utf8() != v.len_utf8());
                        from += k.len_utf8();
                        to += v.len_utf8();
                    }
                    anchors.mark(from, to, false);
                } else {
                    anchors.mark(at, text.len(), true);
                    anchors.mark(at + key_len, text.len() + value.len(), false);
                }
                text.push_str(value);
                at += key_len;
                i += n;
                matched = true;
                break;
            }
            if !matched {
                text.push(c);
                at += c.len_utf8();
                i += 1;
            }
        }
        anchors.mark(s.len(), text.len(), false);
        let mut anchors = anchors.0;
        // The end is always an anchor (the last stretch ends there).
        if anchors.last().is_none_or(|a| a.src as usize != s.len() || a.shown as usize != text.len()) {
            anchors.push(Anchor { src: s.len() as u32, shown: text.len() as u32, atomic: false });
        }
        Converted { text, anchors }
    }
}

/// `first` then `second` (which converts `first`'s text) as one map: every point where
/// either changes, each stretch atomic where either is.
fn compose(first: &Converted, second: Converted) -> Converted {
    let mut points: Vec<u32> =
        first.anchors.iter().map(|a| a.shown).chain(second.anchors.iter().map(|a| a.src)).collect();
    points.sort_unstable();
    points.dedup();
    let atomic_at = |anchors: &[Anchor], m: u32, key: fn(&Anchor) -> u32| {
        let i = anchors.partition_point(|a| key(a) <= m);
        anchors.get(i.saturating_sub(1)).is_some_and(|a| a.atomic)
    };
    let mut out = Anchors(Vec::with_capacity(points.len()));
    for &m in &points {
        let atomic = atomic_at(&first.anchors, m, |a| a.shown) || atomic_at(&second.anchors, m, |a| a.src);
        let (src, shown) = (first.to_source(m as usize), second.to_shown(m as usize));
        // Inside a stretch that maps as a whole, the stretch goes on.
        if out.0.last().is_some_and(|l| l.atomic && (l.src as usize == src || l.shown as usize == shown)) {
            continue;
        }
        out.mark(src, shown, atomic);
    }
    let mut anchors = out.0;
    let (end_src, end_shown) = (first.to_source(first.text.len()) as u32, second.text.len() as u32);
    if anchors.last().is_none_or(|a| a.src != end_src || a.shown != end_shown) {
        anchors.push(Anchor { src: end_src, shown: end_shown, atomic: false });
    }
    Converted { text: second.text, anchors }
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
                Some(prev) => compose(&prev, next),
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
        let done = compose(&c, next);
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
