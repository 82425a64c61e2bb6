//! The checker: a user file's spanned TOML tree walked against the defaults' shape, so every
//! problem is reported as `file:line:col: what (expected …)` before anything is merged, and
//! nothing a user writes can panic.

use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::schema::{OutlineWidth, RawConfig};
use super::theme::{COLOR_NAMES, MODIFIER_NAMES, parse_color_name};
use crate::i18n::{self, Msg, ValueType};
use crate::input::{Action, Key, NAMED_KEYS, modes_overlap};
use crate::store::toml_file::line_col;

/// A configuration problem: one line naming the file (and line and column where known).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

/// `name:line:col: msg` for byte `offset` of `text`.
pub(super) fn located(name: &str, text: &str, offset: usize, msg: &str) -> ConfigError {
    let (line, col) = line_col(text, offset);
    ConfigError(format!("{name}:{line}:{col}: {msg}"))
}

/// A parser message on one line.
pub(super) fn one_line(msg: &str) -> String {
    msg.split('\n').map(str::trim).filter(|s| !s.is_empty()).collect::<Vec<_>>().join("; ")
}

/// One problem in a user file.
pub(super) struct Problem {
    pub(super) span: Range<usize>,
    pub(super) msg: String,
}

/// Walks a user file's spanned tree against the defaults' shape, collecting problems.
pub(super) struct Checker<'a> {
    defaults: &'a toml::Table,
    pub(super) problems: Vec<Problem>,
    pub(super) bindings: Vec<(Action, Vec<Key>)>,
    /// Where each of `bindings` is named in the file.
    pub(super) spans: Vec<Range<usize>>,
}

/// The kind of a value as written.
fn value_type(v: &DeValue) -> ValueType {
    match v {
        DeValue::String(_) => ValueType::String,
        DeValue::Integer(_) => ValueType::Integer,
        DeValue::Float(_) => ValueType::Float,
        DeValue::Boolean(_) => ValueType::Bool,
        DeValue::Datetime(_) => ValueType::Date,
        DeValue::Array(_) => ValueType::List,
        DeValue::Table(_) => ValueType::Table,
    }
}

/// The kind of a default value.
fn toml_value_type(v: &toml::Value) -> ValueType {
    match v {
        toml::Value::String(_) => ValueType::String,
        toml::Value::Integer(_) => ValueType::Integer,
        toml::Value::Float(_) => ValueType::Float,
        toml::Value::Boolean(_) => ValueType::Bool,
        toml::Value::Datetime(_) => ValueType::Date,
        toml::Value::Array(_) => ValueType::List,
        toml::Value::Table(_) => ValueType::Table,
    }
}

/// "a string", "an integer" … for messages.
fn type_name(v: &DeValue) -> String {
    i18n::text(Msg::TypeName(value_type(v)))
}

/// A value as the user wrote it, for messages.
fn shown(v: &DeValue) -> String {
    match v {
        DeValue::String(s) => format!("{:?}", s.as_ref()),
        DeValue::Integer(i) => integer(i).map_or_else(|| i.as_str().to_string(), |n| n.to_string()),
        DeValue::Float(f) => f.as_str().to_string(),
        DeValue::Boolean(b) => b.to_string(),
        other => type_name(other),
    }
}

fn integer(i: &toml::de::DeInteger) -> Option<i64> {
    i64::from_str_radix(i.as_str(), i.radix()).ok()
}

/// `; did you mean "x"?` when one of `candidates` is close to `got`.
fn suggest<'c>(got: &str, candidates: impl IntoIterator<Item = &'c str>) -> String {
    let got_l = got.to_lowercase();
    let best = candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(&got_l, &c.to_lowercase()), c))
        .min_by_key(|(d, _)| *d);
    match best {
        Some((d, c)) if d <= (got.chars().count() / 3).max(1) => i18n::text(Msg::DidYouMean(c)),
        _ => String::new(),
    }
}

/// "a, b or c".
fn or_list<'c>(items: impl IntoIterator<Item = &'c str>) -> String {
    let items: Vec<&str> = items.into_iter().collect();
    i18n::text(Msg::OrList(&items))
}

impl<'a> Checker<'a> {
    pub(super) fn new(defaults: &'a toml::Table) -> Self {
        Checker { defaults, problems: Vec::new(), bindings: Vec::new(), spans: Vec::new() }
    }

    fn problem(&mut self, span: Range<usize>, msg: String) {
        self.problems.push(Problem { span, msg });
    }

    fn wrong_type(&mut self, v: &Spanned<DeValue>, path: &str, expected: &str) {
        let found = match v.get_ref() {
            DeValue::Array(_) | DeValue::Table(_) | DeValue::Datetime(_) => type_name(v.get_ref()),
            scalar => shown(scalar),
        };
        let msg = i18n::text(Msg::CfgWrongType { path, expected, found: &found });
        self.problem(v.span(), msg);
    }

    fn invalid(&mut self, v: &Spanned<DeValue>, path: &str, expected: &str) {
        let msg = i18n::text(Msg::CfgInvalid { value: &shown(v.get_ref()), path, expected, hint: "" });
        self.problem(v.span(), msg);
    }

    pub(super) fn document(&mut self, doc: &DeTable) {
        let sections: Vec<&str> = self.defaults.keys().map(String::as_str).collect();
        for (key, value) in doc.iter() {
            let name = key.get_ref().as_ref();
            let Some(default) = self.defaults.get(name) else {
                if !matches!(value.get_ref(), DeValue::Table(_)) {
                    let tables: Vec<String> = sections.iter().map(|s| format!("[{s}]")).collect();
                    let tables = or_list(tables.iter().map(String::as_str));
                    let msg = i18n::text(Msg::CfgOutsideTable { name, tables: &tables });
                    self.problem(key.span(), msg);
                    continue;
                }
                let msg = i18n::text(Msg::CfgUnknownTable {
                    name,
                    expected: &or_list(sections.iter().copied()),
                    hint: &suggest(name, sections.iter().copied()),
                });
                self.problem(key.span(), msg);
                continue;
            };
            let DeValue::Table(table) = value.get_ref() else {
                self.wrong_type(value, name, &i18n::text(Msg::TypeName(ValueType::Table)));
                continue;
            };
            match name {
                "theme" | "theme_light" | "theme_no_color" => self.theme(name, table),
                "keys" => self.keys(table),
                _ => self.section(name, table, default),
            }
        }
    }

    /// `[layout]`, `[text]`, `[highlight]`, `[bookmarks]` and any plain table of options.
    fn section(&mut self, section: &str, table: &DeTable, default: &toml::Value) {
        let Some(default) = default.as_table() else { return };
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            let path = format!("{section}.{name}");
            let Some(def) = default.get(name) else {
                let names: Vec<&str> = default.keys().map(String::as_str).collect();
                let msg = i18n::text(Msg::CfgUnknownKey {
                    name,
                    section,
                    expected: &or_list(names.iter().copied()),
                    hint: &suggest(name, names.iter().copied()),
                });
                self.problem(key.span(), msg);
                continue;
            };
            self.option(section, name, &path, value, def);
        }
    }

    fn option(&mut self, section: &str, name: &str, path: &str, v: &Spanned<DeValue>, def: &toml::Value) {
        let value = v.get_ref();
        match (section, name) {
            ("layout", "outline_width") => {
                let expected = i18n::text(Msg::ExpectOutlineWidth);
                let ok = match value {
                    DeValue::Integer(i) => integer(i).and_then(OutlineWidth::from_int).is_some(),
                    DeValue::String(s) => OutlineWidth::from_str(s).is_some(),
                    _ => return self.wrong_type(v, path, &expected),
                };
                if !ok {
                    self.invalid(v, path, &expected);
                }
            }
            ("layout", "outline_side") => self.one_of(v, path, &["left", "right"]),
            ("layout", "direction") => self.one_of(v, path, &["horizontal", "vertical"]),
            ("layout", "vertical_gutter") => self.int_range(v, path, 1, 2),
            ("text", "ambiguous_width") => self.one_of(v, path, &["narrow", "wide"]),
            ("text", "copy") => self.one_of(v, path, &["display", "source"]),
            ("quotes", "step") => self.one_of(v, path, &["all", "speech"]),
            ("script", "shown") => self.one_of(v, path, &["as_written", "simplified", "traditional"]),
            ("script", "traditional") => self.one_of(v, path, &["tw", "hk", "t"]),
            ("interface", "language") => self.one_of(v, path, &["auto", "zh", "en"]),
            ("interface", "theme") => self.one_of(v, path, &["auto", "dark", "light"]),
            ("layout", "outline_min_screen_width") => self.int_range(v, path, 0, 1000),
            ("layout", "max_text_width") => self.int_range(v, path, 10, 1000),
            ("text", "paragraph_spacing") => self.int_range(v, path, 0, 2),
            ("text", "reading_speed") => self.int_range(v, path, 50, 5000),
            ("text", "auto_scroll_speed") => self.int_range(v, path, 0, 10),
            ("text", "first_line_indent") => match value {
                DeValue::String(s) => {
                    let width = unicode_width::UnicodeWidthStr::width(s.as_ref());
                    if s.chars().any(char::is_control) || width > 8 {
                        self.invalid(v, path, &i18n::text(Msg::ExpectIndent));
                    }
                }
                _ => self.wrong_type(v, path, &i18n::text(Msg::TypeName(ValueType::String))),
            },
            ("highlight", "figure_kinds") => self.figure_kinds(v, path, def),
            // true, false, or "auto" (the one string allowed).
            ("highlight", "figures") => match value {
                DeValue::Boolean(_) => {}
                DeValue::String(s) if s.as_ref() == "auto" => {}
                _ => self.wrong_type(v, path, &or_list(["true", "false", "\"auto\""])),
            },
            ("bookmarks", "file") => match value {
                DeValue::String(s) if s.contains('\0') => {
                    self.invalid(v, path, &i18n::text(Msg::ExpectFilePath))
                }
                DeValue::String(_) => {}
                _ => self.wrong_type(v, path, &i18n::text(Msg::ExpectFilePathOrDefault)),
            },
            _ => {
                // An option without a rule of its own: the type of its default, and whatever
                // its Rust type accepts.
                let expected = toml_value_type(def);
                if value_type(value) != expected {
                    return self.wrong_type(v, path, &i18n::text(Msg::TypeName(expected)));
                }
                self.trial(section, name, path, v);
            }
        }
    }

    /// Deserialises the defaults with this one value replaced, for options without a rule.
    fn trial(&mut self, section: &str, name: &str, path: &str, v: &Spanned<DeValue>) {
        let Some(value) = to_toml(v.get_ref()) else { return };
        let mut table = self.defaults.clone();
        table.remove("keys");
        if let Some(toml::Value::Table(t)) = table.get_mut(section) {
            t.insert(name.to_string(), value);
        }
        if let Err(e) = table.try_into::<RawConfig>() {
            let msg = i18n::text(Msg::CfgInvalidBecause {
                value: &shown(v.get_ref()),
                path,
                why: &one_line(e.message()),
            });
            self.problem(v.span(), msg);
        }
    }

    fn one_of(&mut self, v: &Spanned<DeValue>, path: &str, allowed: &[&str]) {
        let quoted: Vec<String> = allowed.iter().map(|a| format!("\"{a}\"")).collect();
        let expected = or_list(quoted.iter().map(String::as_str));
        match v.get_ref() {
            DeValue::String(s) if allowed.contains(&s.as_ref()) => {}
            DeValue::String(s) => {
                let msg = i18n::text(Msg::CfgInvalid {
                    value: &format!("{:?}", s.as_ref()),
                    path,
                    expected: &expected,
                    hint: &suggest(s, allowed.iter().copied()),
                });
                self.problem(v.span(), msg);
            }
            _ => self.wrong_type(v, path, &expected),
        }
    }

    fn int_range(&mut self, v: &Spanned<DeValue>, path: &str, min: i64, max: i64) {
        let expected = i18n::text(Msg::ExpectIntRange { min, max });
        match v.get_ref() {
            DeValue::Integer(i) if integer(i).is_some_and(|n| (min..=max).contains(&n)) => {}
            DeValue::Integer(_) => self.invalid(v, path, &expected),
            _ => self.wrong_type(v, path, &expected),
        }
    }

    fn figure_kinds(&mut self, v: &Spanned<DeValue>, path: &str, def: &toml::Value) {
        let kinds: Vec<&str> =
            def.as_array().map(|a| a.iter().filter_map(toml::Value::as_str).collect()).unwrap_or_default();
        let expected = i18n::text(Msg::ExpectListOf(&or_list(kinds.iter().copied())));
        let DeValue::Array(items) = v.get_ref() else {
            return self.wrong_type(v, path, &expected);
        };
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => {
                    let known = crate::document::figures::FigureKind::deserialize(
                        serde::de::value::StrDeserializer::<serde::de::value::Error>::new(s),
                    )
                    .is_ok();
                    if !known {
                        let msg = i18n::text(Msg::CfgUnknownFigureKind {
                            value: &format!("{:?}", s.as_ref()),
                            path,
                            expected: &or_list(kinds.iter().copied()),
                            hint: &suggest(s, kinds.iter().copied()),
                        });
                        self.problem(item.span(), msg);
                    }
                }
                _ => self.wrong_type(item, path, &expected),
            }
        }
    }

    /// `[theme]`, `[theme_light]` or `[theme_no_color]`: any role of the default `[theme]`.
    fn theme(&mut self, section: &str, table: &DeTable) {
        let roles: Vec<&str> = self
            .defaults
            .get("theme")
            .and_then(toml::Value::as_table)
            .map(|t| t.keys().map(String::as_str).collect())
            .unwrap_or_default();
        for (key, value) in table.iter() {
            let role = key.get_ref().as_ref();
            let path = format!("{section}.{role}");
            if !roles.contains(&role) {
                let msg =
                    i18n::text(Msg::CfgUnknownRole { role, hint: &suggest(role, roles.iter().copied()) });
                self.problem(key.span(), msg);
                continue;
            }
            let DeValue::Table(style) = value.get_ref() else {
                self.wrong_type(value, &path, &i18n::text(Msg::ExpectStyle));
                continue;
            };
            for (part, v) in style.iter() {
                match part.get_ref().as_ref() {
                    "fg" | "bg" => self.colour(v, &path),
                    "modifiers" => self.modifiers(v, &path),
                    other => {
                        let msg = i18n::text(Msg::CfgUnknownStylePart {
                            part: other,
                            path: &path,
                            hint: &suggest(other, ["fg", "bg", "modifiers"]),
                        });
                        self.problem(part.span(), msg);
                    }
                }
            }
        }
    }

    fn colour(&mut self, v: &Spanned<DeValue>, path: &str) {
        let expected = i18n::text(Msg::ExpectColour);
        match v.get_ref() {
            DeValue::String(s) if parse_color_name(s).is_some() => {}
            DeValue::String(s) => {
                let msg = i18n::text(Msg::CfgUnknownColour {
                    value: &format!("{:?}", s.as_ref()),
                    path,
                    expected: &expected,
                    hint: &suggest(s, COLOR_NAMES.iter().map(|(n, _)| *n)),
                });
                self.problem(v.span(), msg);
            }
            DeValue::Integer(i) if integer(i).is_some_and(|n| (0..=255).contains(&n)) => {}
            DeValue::Integer(_) => self.invalid(v, path, &expected),
            _ => self.wrong_type(v, path, &expected),
        }
    }

    fn modifiers(&mut self, v: &Spanned<DeValue>, path: &str) {
        let names = || MODIFIER_NAMES.iter().map(|(n, _)| *n);
        let DeValue::Array(items) = v.get_ref() else {
            return self.wrong_type(v, path, &i18n::text(Msg::ExpectListOf(&or_list(names()))));
        };
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) if names().any(|n| n == s.as_ref()) => {}
                DeValue::String(s) => {
                    let msg = i18n::text(Msg::CfgUnknownModifier {
                        value: &format!("{:?}", s.as_ref()),
                        path,
                        expected: &or_list(names()),
                        hint: &suggest(s, names()),
                    });
                    self.problem(item.span(), msg);
                }
                _ => self.wrong_type(item, path, &i18n::text(Msg::ExpectModifierName(&or_list(names())))),
            }
        }
    }

    fn keys(&mut self, table: &DeTable) {
        let mut seen: Vec<(Key, Action, Range<usize>, String)> = Vec::new();
        for (name, value) in table.iter() {
            let action_name = name.get_ref().as_ref();
            let Some(action) = Action::from_name(action_name) else {
                let msg = i18n::text(Msg::CfgUnknownAction {
                    name: action_name,
                    hint: &suggest(action_name, Action::ALL.iter().map(|a| a.name())),
                });
                self.problem(name.span(), msg);
                continue;
            };
            let path = format!("keys.{action_name}");
            let expected = i18n::text(Msg::ExpectKeyList);
            let one;
            let items: &[Spanned<DeValue>] = match value.get_ref() {
                DeValue::Array(items) => items,
                DeValue::String(_) => {
                    one = [value.clone()];
                    &one
                }
                _ => {
                    self.wrong_type(value, &path, &expected);
                    continue;
                }
            };
            let mut keys = Vec::new();
            for item in items {
                let DeValue::String(s) = item.get_ref() else {
                    self.wrong_type(item, &path, &i18n::text(Msg::ExpectKeyName));
                    continue;
                };
                let Some(key) = Key::parse(s) else {
                    let named = NAMED_KEYS.iter().map(|(n, _)| *n);
                    let bare = s.rsplit('-').next().unwrap_or(s);
                    let msg = i18n::text(Msg::CfgUnknownKeyName {
                        value: &format!("{:?}", s.as_ref()),
                        path: &path,
                        hint: &suggest(bare, named),
                    });
                    self.problem(item.span(), msg);
                    continue;
                };
                seen.push((key, action, item.span(), s.to_string()));
                keys.push(key);
            }
            self.bindings.push((action, keys));
            self.spans.push(name.span());
        }
        // One key, one action per mode within this file; report the later of the two.
        seen.sort_by_key(|(_, _, span, _)| span.start);
        for (i, (key, action, span, written)) in seen.iter().enumerate() {
            let clash =
                seen[..i].iter().find(|(k, a, _, _)| k == key && a != action && modes_overlap(*a, *action));
            if let Some((_, other, _, other_written)) = clash {
                // Ctrl-i is Tab and so on: say so when the two were written differently.
                let same = if other_written == written {
                    String::new()
                } else {
                    i18n::text(Msg::CfgKeyAlias {
                        written: &format!("{other_written:?}"),
                        key: &key.display(),
                    })
                };
                let msg = i18n::text(Msg::CfgKeyTaken {
                    written: &format!("{written:?}"),
                    action: action.name(),
                    other: other.name(),
                    alias: &same,
                });
                self.problem(span.clone(), msg);
            }
        }
    }
}

/// A checked value as a plain toml value (for trial deserialisation).
fn to_toml(v: &DeValue) -> Option<toml::Value> {
    Some(match v {
        DeValue::String(s) => toml::Value::String(s.to_string()),
        DeValue::Integer(i) => toml::Value::Integer(integer(i)?),
        DeValue::Float(f) => toml::Value::Float(f.as_str().parse().ok()?),
        DeValue::Boolean(b) => toml::Value::Boolean(*b),
        DeValue::Datetime(d) => toml::Value::Datetime(*d),
        DeValue::Array(a) => {
            toml::Value::Array(a.iter().map(|e| to_toml(e.get_ref())).collect::<Option<_>>()?)
        }
        DeValue::Table(t) => toml::Value::Table(
            t.iter()
                .map(|(k, v)| Some((k.get_ref().to_string(), to_toml(v.get_ref())?)))
                .collect::<Option<_>>()?,
        ),
    })
}
