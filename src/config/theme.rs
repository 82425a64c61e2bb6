//! `[theme]`: styles as written (colour names, `#rrggbb`, indexes, modifiers) and the theme
//! they resolve to, a style per [`Role`]. Drawing asks for a role by value, so a role drawn
//! but missing from the defaults cannot compile, and every role is settable.

use std::collections::HashMap;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use crate::document::figures::FigureKind;

/// A style as written in `[theme]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StyleSpec {
    /// Foreground colour.
    pub fg: Option<ColorSpec>,
    /// Background colour.
    pub bg: Option<ColorSpec>,
    /// Modifiers.
    #[serde(default)]
    pub modifiers: Vec<String>,
}

/// A colour as written: a name, `#rrggbb` or an index.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum ColorSpec {
    /// 0-255.
    Index(i64),
    /// A name or `#rrggbb`.
    Name(String),
}

/// Parses a colour name, `#rrggbb` or index.
pub fn parse_color(spec: &ColorSpec) -> Option<Color> {
    match spec {
        ColorSpec::Index(i) => u8::try_from(*i).ok().map(Color::Indexed),
        ColorSpec::Name(s) => parse_color_name(s),
    }
}

/// Parses a colour name or `#rrggbb`.
pub(super) fn parse_color_name(s: &str) -> Option<Color> {
    if let Some(hex) = s.strip_prefix('#') {
        if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let v = u32::from_str_radix(hex, 16).ok()?;
        return Some(Color::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8));
    }
    COLOR_NAMES.iter().find(|(n, _)| n.eq_ignore_ascii_case(s)).map(|(_, c)| *c)
}

/// Colour names accepted in `[theme]`.
pub const COLOR_NAMES: &[(&str, Color)] = &[
    ("reset", Color::Reset),
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("darkgray", Color::DarkGray),
    ("lightred", Color::LightRed),
    ("lightgreen", Color::LightGreen),
    ("lightyellow", Color::LightYellow),
    ("lightblue", Color::LightBlue),
    ("lightmagenta", Color::LightMagenta),
    ("lightcyan", Color::LightCyan),
    ("white", Color::White),
];

/// Modifier names accepted in `[theme]`.
pub const MODIFIER_NAMES: &[(&str, Modifier)] = &[
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
    ("crossed_out", Modifier::CROSSED_OUT),
];

impl StyleSpec {
    /// The ratatui style; `no_color` drops colours and keeps modifiers.
    pub fn style(&self, no_color: bool) -> Style {
        let mut st = Style::default();
        if !no_color {
            if let Some(c) = self.fg.as_ref().and_then(parse_color) {
                st = st.fg(c);
            }
            if let Some(c) = self.bg.as_ref().and_then(parse_color) {
                st = st.bg(c);
            }
        }
        for m in &self.modifiers {
            if let Some((_, m)) = MODIFIER_NAMES.iter().find(|(n, _)| n == m) {
                st = st.add_modifier(*m);
            }
        }
        st
    }
}

macro_rules! roles {
    ($( $(#[doc = $doc:literal])* $variant:ident => $name:literal, )*) => {
        /// A part of the screen with a style of its own: a key of `[theme]`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Role {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Role {
            /// Every role, in the order of `config.toml`.
            pub const ALL: &'static [Role] = &[$(Role::$variant),*];

            /// The key in `[theme]`.
            pub fn name(self) -> &'static str {
                match self { $(Role::$variant => $name,)* }
            }
        }
    };
}

roles! {
    /// The title line.
    Title => "title",
    /// The subtitle line.
    Subtitle => "subtitle",
    /// Section headings.
    Heading => "heading",
    /// Body paragraphs (every block's base style).
    Body => "body",
    /// The byline.
    Byline => "byline",
    /// Every highlighted figure, under its kind's style.
    Figure => "figure",
    /// Percentages.
    FigurePercent => "figure_percent",
    /// Sums of money.
    FigureMoney => "figure_money",
    /// Counts.
    FigureCount => "figure_count",
    /// Dates.
    FigureDate => "figure_date",
    /// Ages.
    FigureAge => "figure_age",
    /// Measures.
    FigureMeasure => "figure_measure",
    /// Other figures.
    FigureOther => "figure_other",
    /// The selected figure.
    FigureSelected => "figure_selected",
    /// Bookmarked quotes.
    Quote => "quote",
    /// The selected quote.
    QuoteSelected => "quote_selected",
    /// The margin mark of a bookmarked paragraph.
    BookmarkMark => "bookmark_mark",
    /// The passage being selected (`v`).
    Selection => "selection",
    /// Highlighted passages (a selection saved with `m`).
    Highlight => "highlight",
    /// Search matches.
    SearchMatch => "search_match",
    /// The current search match.
    SearchCurrent => "search_current",
    /// Outline entries.
    Outline => "outline",
    /// The outline entry of the section in view.
    OutlineCurrent => "outline_current",
    /// The outline (and list) cursor.
    OutlineCursor => "outline_cursor",
    /// Pane borders.
    Border => "border",
    /// The border of the focused pane.
    BorderFocused => "border_focused",
    /// The status line.
    Status => "status",
    /// A message on the status line: done as asked.
    StatusInfo => "status_info",
    /// A message on the status line: nothing done, or something to know.
    StatusWarning => "status_warning",
    /// A message on the status line: something failed.
    StatusError => "status_error",
}

impl Role {
    /// The role named `name` in `[theme]`.
    pub fn from_name(name: &str) -> Option<Role> {
        Role::ALL.iter().copied().find(|r| r.name() == name)
    }

    /// The role of a status-line message of `kind`.
    pub fn message(kind: crate::i18n::Kind) -> Role {
        match kind {
            crate::i18n::Kind::Info => Role::StatusInfo,
            crate::i18n::Kind::Warning => Role::StatusWarning,
            crate::i18n::Kind::Error => Role::StatusError,
        }
    }

    /// The role of figures of `kind`.
    pub fn figure(kind: FigureKind) -> Role {
        match kind {
            FigureKind::Percent => Role::FigurePercent,
            FigureKind::Money => Role::FigureMoney,
            FigureKind::Count => Role::FigureCount,
            FigureKind::Date => Role::FigureDate,
            FigureKind::Age => Role::FigureAge,
            FigureKind::Measure => Role::FigureMeasure,
            FigureKind::Other => Role::FigureOther,
        }
    }
}

/// The number of roles.
const ROLES: usize = Role::ALL.len();

/// The theme: a ratatui style per role (the default style for a role not set).
#[derive(Debug, Clone)]
pub struct Theme {
    styles: [Option<Style>; ROLES],
}

impl Default for Theme {
    fn default() -> Self {
        Theme { styles: [None; ROLES] }
    }
}

impl Theme {
    /// Sets `role`'s style.
    pub(super) fn set(&mut self, role: Role, style: Style) {
        self.styles[role as usize] = Some(style);
    }

    /// The style for `role`.
    pub fn style(&self, role: Role) -> Style {
        self.styles[role as usize].unwrap_or_default()
    }

    /// The style for the role named `name` (a key of `[theme]`); the default style when
    /// unknown.
    pub fn get(&self, name: &str) -> Style {
        Role::from_name(name).map(|r| self.style(r)).unwrap_or_default()
    }

    /// The names of the roles set, for listing and tests.
    pub fn roles(&self) -> impl Iterator<Item = &str> {
        Role::ALL.iter().filter(|r| self.styles[**r as usize].is_some()).map(|r| r.name())
    }
}

/// Which background the colours are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Background {
    /// A dark background: the `[theme]` table.
    Dark,
    /// A light background: `[theme_light]` over `[theme]`.
    Light,
}

/// The three theme tables as merged (defaults with the user's roles over them), and which
/// roles the user's file set in each.
pub(super) struct Layers<'a> {
    pub(super) dark: &'a HashMap<String, StyleSpec>,
    pub(super) light: &'a HashMap<String, StyleSpec>,
    pub(super) no_color: &'a HashMap<String, StyleSpec>,
    pub(super) user_dark: &'a [String],
    pub(super) user_light: &'a [String],
    pub(super) user_no_color: &'a [String],
}

impl Layers<'_> {
    /// `name`'s style in the table `over` laid on `[theme]`: the user's own setting in
    /// `over`, else the user's `[theme]` setting, else `over`'s default, else `[theme]`'s.
    fn pick<'s>(
        &'s self,
        name: &str,
        over: &'s HashMap<String, StyleSpec>,
        user_over: &[String],
    ) -> Option<&'s StyleSpec> {
        let set = |list: &[String]| list.iter().any(|r| r == name);
        if set(user_over) {
            over.get(name)
        } else if set(self.user_dark) {
            self.dark.get(name)
        } else {
            over.get(name).or_else(|| self.dark.get(name))
        }
    }

    /// The dark and the light theme; with `no_color` both are the `[theme_no_color]` one,
    /// without colours.
    pub(super) fn resolve(&self, no_color: bool) -> (Theme, Theme) {
        let mut dark = Theme::default();
        let mut light = Theme::default();
        for &role in Role::ALL {
            let name = role.name();
            if no_color {
                if let Some(spec) = self.pick(name, self.no_color, self.user_no_color) {
                    dark.set(role, spec.style(true));
                    light.set(role, spec.style(true));
                }
                continue;
            }
            if let Some(spec) = self.dark.get(name) {
                dark.set(role, spec.style(false));
            }
            if let Some(spec) = self.pick(name, self.light, self.user_light) {
                light.set(role, spec.style(false));
            }
        }
        (dark, light)
    }
}
