//! The schema of `config.toml`'s option sections (`[layout]`, `[text]`, `[highlight]`,
//! `[bookmarks]`, `[quotes]`) as typed values; their defaults are the embedded file.

use std::collections::HashMap;

use serde::Deserialize;

use super::theme::StyleSpec;

/// `[layout]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LayoutConfig {
    /// Outline width: columns or a percentage.
    pub outline_width: OutlineWidth,
    /// `left` or `right`.
    pub outline_side: Side,
    /// Shown at start.
    pub outline_shown: bool,
    /// Enter in the outline jumps and leaves the keyboard in the outline (else in the text).
    pub outline_enter_keeps_focus: bool,
    /// Below this screen width the outline hides itself.
    pub outline_min_screen_width: u16,
    /// Widest text column.
    pub max_text_width: u16,
    /// Mouse wheel and clicks; off leaves the mouse to the terminal (its own selection).
    pub mouse: bool,
}

/// Outline pane width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutlineWidth {
    /// As wide as the longest entry, up to 35% of the screen.
    Auto,
    /// A number of columns.
    Columns(u16),
    /// A percentage of the screen width.
    Percent(u16),
}

/// The largest share of the screen an outline as wide as its longest entry takes.
pub const OUTLINE_AUTO_MAX_PERCENT: u16 = 35;

impl OutlineWidth {
    /// Parses a number of columns.
    pub(super) fn from_int(n: i64) -> Option<OutlineWidth> {
        u16::try_from(n).ok().filter(|n| (8..=200).contains(n)).map(OutlineWidth::Columns)
    }

    /// Parses `"auto"` or a percentage such as `"30%"`.
    pub(super) fn from_str(s: &str) -> Option<OutlineWidth> {
        if s == "auto" {
            return Some(OutlineWidth::Auto);
        }
        let n: u16 = s.strip_suffix('%')?.trim().parse().ok()?;
        (10..=90).contains(&n).then_some(OutlineWidth::Percent(n))
    }

    /// Columns for a screen `total` columns wide, when the longest entry (with its marker,
    /// indent and the border) takes `natural` columns.
    pub fn columns(self, total: u16, natural: u16) -> u16 {
        match self {
            OutlineWidth::Auto => {
                natural.max(12).min((u32::from(total) * u32::from(OUTLINE_AUTO_MAX_PERCENT) / 100) as u16)
            }
            OutlineWidth::Columns(n) => n,
            OutlineWidth::Percent(p) => (u32::from(total) * u32::from(p) / 100) as u16,
        }
    }
}

impl<'de> Deserialize<'de> for OutlineWidth {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Int(i64),
            Str(String),
        }
        let bad = || serde::de::Error::custom(crate::i18n::text(crate::i18n::Msg::ExpectOutlineWidth));
        match Raw::deserialize(d).map_err(|_| bad())? {
            Raw::Int(n) => OutlineWidth::from_int(n).ok_or_else(bad),
            Raw::Str(s) => OutlineWidth::from_str(&s).ok_or_else(bad),
        }
    }
}

/// Side of the outline pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// Left of the text.
    Left,
    /// Right of the text.
    Right,
}

/// East Asian Ambiguous width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AmbiguousWidth {
    /// One column.
    Narrow,
    /// Two columns.
    Wide,
}

/// `[text]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextConfig {
    /// First-line indent of body paragraphs.
    pub first_line_indent: String,
    /// Show ASCII punctuation between hanzi as full-width marks.
    pub normalize_punctuation: bool,
    /// Width of ambiguous characters.
    pub ambiguous_width: AmbiguousWidth,
    /// Strict line breaking.
    pub strict: bool,
    /// Blank lines between paragraphs.
    pub paragraph_spacing: u8,
    /// Characters read a minute, for the reading time left.
    pub reading_speed: u16,
    /// Auto-scroll's speed step at start (1-10); 0: the step last chosen, remembered.
    pub auto_scroll_speed: u8,
    /// What `y` / `Y` copy: the text as shown or as in the file.
    pub copy: CopyForm,
}

/// `text.copy`: what `y` / `Y` put on the clipboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CopyForm {
    /// The text as the pane shows it (punctuation normalised when that is on).
    Display,
    /// The file's characters exactly.
    Source,
}

/// `[highlight]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HighlightConfig {
    /// Figures highlighted at start: always, never, or unless the text is a novel.
    pub figures: FiguresAtStart,
    /// Kinds highlighted.
    pub figure_kinds: Vec<crate::document::figures::FigureKind>,
}

/// `highlight.figures`: `true`, `false` or `"auto"` (the default): highlighted unless the
/// outline finds novel chapters, where the everyday 两个, 二人, 一面 of a story would light
/// up every line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FiguresAtStart {
    /// On unless the text is a novel.
    #[default]
    Auto,
    /// Always on.
    On,
    /// Always off.
    Off,
}

impl FiguresAtStart {
    /// Whether figures are highlighted when `doc` opens.
    pub fn shown_for(self, doc: &crate::document::Document) -> bool {
        match self {
            FiguresAtStart::On => true,
            FiguresAtStart::Off => false,
            // A novel: chapters, and told as a story (a regulation has 第一章 too).
            FiguresAtStart::Auto => {
                !crate::document::outline::has_novel_chapters(doc)
                    || crate::document::figures::tells_no_story(doc)
            }
        }
    }
}

impl<'de> Deserialize<'de> for FiguresAtStart {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Bool(bool),
            Text(String),
        }
        match Raw::deserialize(d)? {
            Raw::Bool(true) => Ok(FiguresAtStart::On),
            Raw::Bool(false) => Ok(FiguresAtStart::Off),
            Raw::Text(s) if s == "auto" => Ok(FiguresAtStart::Auto),
            Raw::Text(s) => {
                let expected = crate::i18n::text(crate::i18n::Msg::OrList(&["true", "false", "\"auto\""]));
                let found = format!("{s:?}");
                let path = "highlight.figures";
                let msg = crate::i18n::Msg::CfgWrongType { path, expected: &expected, found: &found };
                Err(serde::de::Error::custom(crate::i18n::text(msg)))
            }
        }
    }
}

/// `[bookmarks]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BookmarksConfig {
    /// The bookmarks file; empty for the default location.
    pub file: String,
}

/// Which quotes `)` / `(` step through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteStep {
    /// Every quotation, terms included.
    All,
    /// Speech only.
    Speech,
}

/// `[quotes]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuotesConfig {
    /// Which quotes `)` / `(` step through.
    pub step: QuoteStep,
}

/// `[boss]`: what the boss key shows.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BossConfig {
    /// A command run in the terminal (by `sh -c`) in place of the reader until it ends;
    /// empty for the built-in screen.
    pub command: String,
}

/// `[interface]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InterfaceConfig {
    /// The language shown.
    pub language: LanguageChoice,
    /// Which theme: for a dark or a light background, or asked of the terminal.
    pub theme: ThemeChoice,
}

/// `interface.language`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LanguageChoice {
    /// From `LC_ALL`, `LC_MESSAGES`, `LANG`.
    Auto,
    /// English.
    En,
    /// Simplified Chinese.
    Zh,
}

impl LanguageChoice {
    /// The language this choice means in the current environment.
    pub fn lang(self) -> crate::i18n::Lang {
        match self {
            LanguageChoice::Auto => crate::i18n::Lang::from_env(),
            LanguageChoice::En => crate::i18n::Lang::En,
            LanguageChoice::Zh => crate::i18n::Lang::Zh,
        }
    }
}

/// `interface.theme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeChoice {
    /// From the terminal's background colour.
    Auto,
    /// For a dark background.
    Dark,
    /// For a light background.
    Light,
}

/// The merged file as deserialised, before the theme and keymap are resolved.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawConfig {
    pub(super) interface: InterfaceConfig,
    pub(super) layout: LayoutConfig,
    pub(super) text: TextConfig,
    pub(super) highlight: HighlightConfig,
    pub(super) theme: HashMap<String, StyleSpec>,
    pub(super) theme_light: HashMap<String, StyleSpec>,
    pub(super) theme_no_color: HashMap<String, StyleSpec>,
    pub(super) bookmarks: BookmarksConfig,
    pub(super) quotes: QuotesConfig,
    pub(super) boss: BossConfig,
}
