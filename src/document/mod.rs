//! The article as data: decoded text split into blocks (the non-empty lines), each classified
//! as title, subtitle, heading, body paragraph or byline.
//!
//! Positions are byte offsets into [`Document::text`], the decoded source (a UTF-8 BOM is
//! not part of it). Indentation and blank lines are layout, not content: a block's range
//! excludes leading and trailing spaces (ASCII, ideographic, no-break).

pub mod figures;
pub mod format;
pub mod load;
pub mod model;
pub mod open;
pub mod outline;
pub mod quotes;
pub mod sniff;
pub mod tail;

pub use format::{MAX_BLOCK_BYTES, split_blocks};
pub use load::{Decoded, LoadError};
pub use model::{Block, BlockKind, Document, Heading, Loc, is_layout_space};

/// How many bytes of the decoded text the fingerprint ([`Document::id`]) covers.
pub const FINGERPRINT_BYTES: usize = 64 << 10;

/// The fingerprint of a text's beginning ([`Document::id`]).
pub fn fingerprint(text: &str) -> String {
    let mut end = text.len().min(FINGERPRINT_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let h = xxhash_rust::xxh3::xxh3_64(&text.as_bytes()[..end]);
    format!("{ID_VERSION}-{h:016x}")
}

/// The version of the fingerprint scheme, the prefix of every [`Document::id`].
pub const ID_VERSION: &str = "x3v1";

impl Document {
    /// Builds a document from decoded text in the format its name and content say (a web
    /// page by its `.html` name or its start, Markdown for `.md` / `.markdown`, else plain
    /// text): see [`format::for_content`].
    pub fn new(name: impl Into<String>, decoded: Decoded) -> Self {
        let name = name.into();
        let format = format::for_content(&name, &decoded.text);
        format::build(format, name, decoded)
    }

    /// The bundled article.
    pub fn bundled() -> Self {
        let decoded = load::decode(crate::BUNDLED_ARTICLE.as_bytes(), None)
            .expect("the bundled article is valid UTF-8");
        Self::new(crate::BUNDLED_NAME, decoded)
    }

    /// The text of block `i`.
    pub fn block_text(&self, i: usize) -> &str {
        let b = &self.blocks[i];
        &self.text[b.start..b.end]
    }

    /// Whether block `i` is a line of a title that goes on in block `i + 1` (an official
    /// document's title set over several lines): the lines read as one title.
    pub fn title_runs_on(&self, i: usize) -> bool {
        let title = |i: usize| self.blocks.get(i).is_some_and(|b| b.kind == BlockKind::Title);
        title(i) && title(i + 1)
    }

    /// The text of a heading: a title set over several lines (an official document's,
    /// `国务院关于印发` / `《国务院工作规则》的通知`) is its lines joined.
    pub fn heading_text(&self, h: &Heading) -> std::borrow::Cow<'_, str> {
        self.lines_from(h.block)
    }

    /// The text of block `block` and, when it is a line of a title that runs on
    /// ([`Document::title_runs_on`]), of the title's further lines, joined; each line
    /// without the spaces of letter spacing ([`unspaced`]).
    fn lines_from(&self, block: usize) -> std::borrow::Cow<'_, str> {
        let first = unspaced(self.block_text(block));
        if !self.title_runs_on(block) {
            return first;
        }
        let mut joined = first.into_owned();
        for i in (block + 1..).take_while(|&i| self.title_runs_on(i - 1)) {
            let next = unspaced(self.block_text(i));
            // Words of a script that spaces them (Latin letters, digits) keep a space.
            if joined.ends_with(|c: char| c.is_ascii_alphanumeric())
                && next.starts_with(|c: char| c.is_ascii_alphanumeric())
            {
                joined.push(' ');
            }
            joined.push_str(&next);
        }
        joined.into()
    }

    /// Index of the block containing (or first after) byte `offset`.
    pub fn block_at(&self, offset: usize) -> usize {
        let i = self.blocks.partition_point(|b| b.end <= offset);
        i.min(self.blocks.len().saturating_sub(1))
    }

    /// Index into [`Document::headings`] of the section that block `block` belongs to:
    /// the last heading at or before it.
    pub fn heading_at(&self, block: usize) -> Option<usize> {
        self.headings.partition_point(|h| h.block <= block).checked_sub(1)
    }

    /// The sections (headings below the title) in order: indices into `headings`.
    pub fn sections(&self) -> impl Iterator<Item = usize> + '_ {
        let top = self.headings.iter().map(|h| h.level).min().unwrap_or(1);
        let has_title = self.headings.first().is_some_and(|h| h.level == top)
            && self.headings.iter().filter(|h| h.level == top).count() == 1
            && self.headings.len() > 1;
        self.headings.iter().enumerate().filter(move |(i, _)| !(has_title && *i == 0)).map(|(i, _)| i)
    }

    /// The top level of the outline below the title, as indices into `headings`: what the
    /// keys 1–9 go to (the 4th section of an encyclopedia article, not the 4th entry of the
    /// flattened tree).
    pub fn top_sections(&self) -> Vec<usize> {
        let sections: Vec<usize> = self.sections().collect();
        let top = sections.iter().map(|&h| self.headings[h].level).min();
        sections.into_iter().filter(|&h| Some(self.headings[h].level) == top).collect()
    }

    /// The entries of the main level for `:N`: the shallowest level below the title with at
    /// least `n` entries (chapters under three volumes for `:12`), else the top level.
    pub fn main_sections(&self, n: usize) -> Vec<usize> {
        let sections: Vec<usize> = self.sections().collect();
        let mut levels: Vec<u8> = sections.iter().map(|&h| self.headings[h].level).collect();
        levels.sort_unstable();
        levels.dedup();
        let at = |level: u8| -> Vec<usize> {
            sections.iter().copied().filter(|&h| self.headings[h].level == level).collect()
        };
        levels.iter().map(|&l| at(l)).find(|v| v.len() >= n).unwrap_or_else(|| self.top_sections())
    }

    /// The fingerprint of the text's beginning, which with its path, length and title makes
    /// its identity: `x3v1-` and the XXH3-64 hash (seed 0) of the first [`FINGERPRINT_BYTES`]
    /// of the decoded UTF-8 text (cut back to a character boundary), in 16 hex digits. It
    /// stays the same when the text grows at its end or is edited further down, so a novel
    /// that gains a chapter a day keeps its reading place and bookmarks.
    pub fn id(&self) -> String {
        fingerprint(&self.text)
    }

    /// The id earlier versions gave a text (a 64-bit hash of the whole text and its length,
    /// in hex): reading places and bookmarks saved under it are still found.
    pub fn legacy_id(&self) -> String {
        // Multiply-and-xor over 8-byte words (FNV-1a's step on words rather than bytes).
        let hash = || {
            const PRIME: u64 = 0x0000_0100_0000_01b3;
            let bytes = self.text.as_bytes();
            let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ bytes.len() as u64;
            let mut words = bytes.chunks_exact(8);
            for w in &mut words {
                let mut word = [0u8; 8];
                word.copy_from_slice(w);
                h = (h ^ u64::from_le_bytes(word)).wrapping_mul(PRIME).rotate_left(23);
            }
            for b in words.remainder() {
                h = (h ^ u64::from(*b)).wrapping_mul(PRIME);
            }
            format!("{h:016x}")
        };
        self.id.get_or_init(hash).clone()
    }

    /// The file's canonical path as text, when there is one ("" for none).
    pub fn path_text(&self) -> String {
        self.path.as_ref().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default()
    }

    /// The title: the title's text (all its lines, joined, when it is set over several:
    /// an official document's, as the outline lists it), else the file name. This is what
    /// the shelf, bookmarks and copied quotations name the text by.
    pub fn title(&self) -> std::borrow::Cow<'_, str> {
        self.title_block().map_or(self.name.as_str().into(), |i| self.lines_from(i))
    }

    /// The title as earlier versions recorded it: the first line of a title set over
    /// several, as written (letter spacing kept), or the issuer's mark of an official
    /// document's masthead above it (`北京市人民政府文件`), or the file name when the
    /// masthead opens with the document's number (`京政发〔2025〕1号`, never a title's line);
    /// else the same as [`Document::title`]. Records and bookmarks saved under it are still
    /// the text's.
    pub fn legacy_title(&self) -> &str {
        let legacy = self.title_block().map(|i| outline::legacy_title_block(self, i));
        legacy.flatten().map_or(self.name.as_str(), |i| self.block_text(i))
    }

    /// Whether `title`, as a record saved for a text gives it, is this text's title, as
    /// this version or an earlier one ([`Document::legacy_title`]) recorded it.
    pub fn has_title(&self, title: &str) -> bool {
        title == self.title() || title == self.legacy_title()
    }

    /// The index of the title's (first) block, if the text has a title.
    fn title_block(&self) -> Option<usize> {
        self.blocks.iter().position(|b| b.kind == BlockKind::Title)
    }

    /// 1-based source line of byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        let b = self.block_at(offset);
        self.blocks.get(b).map_or(1, |b| b.line)
    }
}

/// `line` without the spaces of letter spacing: a heading spaced out a character apart
/// (`国 务 院 工 作 规 则`, `第一章 总 则`, `目　录`) reads as its words. A space goes when
/// each side of it is a Chinese character standing alone between spaces (or the line's
/// ends); a space beside a longer word (`第七回 林教头刺配沧州道`) stays.
fn unspaced(line: &str) -> std::borrow::Cow<'_, str> {
    let space = |c: char| c == ' ' || c == '\u{3000}';
    if !line.contains(space) {
        return line.into();
    }
    let chars: Vec<char> = line.chars().collect();
    let han =
        |c: char| matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}');
    let alone = |i: usize| {
        han(chars[i]) && (i == 0 || space(chars[i - 1])) && chars.get(i + 1).is_none_or(|&c| space(c))
    };
    let letter_spacing =
        |i: usize| space(chars[i]) && i > 0 && i + 1 < chars.len() && alone(i - 1) && alone(i + 1);
    if !(0..chars.len()).any(letter_spacing) {
        return line.into();
    }
    chars.iter().enumerate().filter(|&(i, _)| !letter_spacing(i)).map(|(_, &c)| c).collect::<String>().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lines_of_every_ending_and_trims_layout_spaces() {
        let text = "　　一\r\n\r\n  二 \r三\n\n四";
        let blocks = split_blocks(text);
        let got: Vec<(&str, usize)> = blocks.iter().map(|b| (&text[b.start..b.end], b.line)).collect();
        assert_eq!(got, vec![("一", 1), ("二", 3), ("三", 4), ("四", 6)]);
    }

    #[test]
    fn a_very_long_line_is_cut_into_blocks_after_sentence_ends_losing_nothing() {
        let line = "这是一句话。".repeat(MAX_BLOCK_BYTES / 6);
        let text = format!("标题\n{line}{line}\n尾");
        let blocks = split_blocks(&text);
        assert!(blocks.len() > 3, "{}", blocks.len());
        let mut joined = String::new();
        for b in &blocks[1..blocks.len() - 1] {
            assert!(b.end - b.start <= MAX_BLOCK_BYTES);
            assert!(text[b.start..b.end].ends_with('。'), "cut after a sentence end");
            assert_eq!(b.line, 2);
            joined.push_str(&text[b.start..b.end]);
        }
        assert_eq!(joined, format!("{line}{line}"));
    }

    #[test]
    fn a_block_takes_40_bytes() {
        // A 200 MB novel has 500,000 of them: each 8 bytes more is 4 MB more.
        assert!(std::mem::size_of::<Block>() <= 40, "{}", std::mem::size_of::<Block>());
        let blocks = split_blocks("一\n\n二");
        assert_eq!(blocks.iter().map(|b| b.loc).collect::<Vec<_>>(), [Loc::Line(1), Loc::Line(3)]);
    }

    #[test]
    fn the_title_is_all_its_lines_and_a_title_of_one_line_or_none_is_as_before() {
        let doc = |text: &str| Document::new("a.txt", load::decode(text.as_bytes(), None).expect("text"));
        let notice = doc(
            "国务院关于印发\n《国务院工作规则》的通知\n各省、自治区、直辖市人民政府：\n现印发给你们，请认真贯彻执行。\n",
        );
        assert_eq!(notice.title(), "国务院关于印发《国务院工作规则》的通知");
        assert_eq!(notice.legacy_title(), "国务院关于印发");
        assert!(notice.has_title("国务院关于印发") && notice.has_title(&notice.title()));
        assert!(!notice.has_title("《国务院工作规则》的通知"), "a later line alone is no title of it");
        let report =
            doc("上海从“建框架”向“强功能”跃升\n　　人工智能是上海重点发展的先导产业，算力是其核心引擎。\n");
        assert_eq!(report.title(), "上海从“建框架”向“强功能”跃升");
        assert_eq!(report.title(), report.legacy_title());
        let untitled = doc("　　人工智能是上海重点发展的先导产业，算力是其核心引擎，这是第一段。\n");
        assert_eq!((untitled.title().as_ref(), untitled.legacy_title()), ("a.txt", "a.txt"));
    }

    #[test]
    fn letter_spacing_is_taken_out_of_a_line_and_word_spacing_kept() {
        assert_eq!(unspaced("国 务 院 工 作 规 则"), "国务院工作规则");
        assert_eq!(unspaced("第一章 总 则"), "第一章 总则");
        assert_eq!(unspaced("目　录"), "目录");
        assert_eq!(
            unspaced("第七回 林教头刺配沧州道 鲁智深大闹野猪林"),
            "第七回 林教头刺配沧州道 鲁智深大闹野猪林"
        );
        assert_eq!(unspaced("第 1 章"), "第 1 章", "a digit is no letter-spaced character");
        assert_eq!(unspaced("总  则"), "总  则", "two spaces are more than letter spacing");
        assert_eq!(unspaced("A 股 市场"), "A 股 市场");
        assert!(matches!(unspaced("没有空格的标题"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn empty_and_blank_texts_have_no_blocks() {
        assert!(split_blocks("").is_empty());
        assert!(split_blocks("\n \r\n　\n").is_empty());
    }
}
