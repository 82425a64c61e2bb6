//! The crate's files import each other one way: no file imports a file that imports it back,
//! directly or through others, and every source file stays under about 600 lines.
//!
//! An import is any path a file names outside its tests: `use crate::…`, `use super::…`,
//! `self::…`, a child module's name, and the same paths written inline (`crate::app::App`).
//! A path counts as an import of the file holding the longest module prefix it names; a
//! `mod x;` declaration and a visibility (`pub(in crate::app)`) are not imports.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Cycles known and not yet broken, each as the sorted files of one cycle.
const KNOWN_CYCLES: &[&[&str]] = &[];

/// Files known to be over the limit, with the reason.
const KNOWN_LONG: &[&str] = &[];

const MAX_LINES: usize = 620;

type Module = Vec<String>;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module a file under `src` defines (`app/mod.rs` → `app`, `lib.rs` → the crate).
fn module_of(rel: &str) -> Module {
    let mut parts: Module = rel.trim_end_matches(".rs").split('/').map(String::from).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// The file's code without its tests, comments and visibilities.
fn code_of(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    let mut out = String::new();
    for line in text.lines() {
        let line = line.split("//").next().unwrap_or_default();
        let mut line = line.to_string();
        while let Some(i) = line.find("pub(in ") {
            let end = line[i..].find(')').map_or(line.len(), |j| i + j + 1);
            line.replace_range(i..end, "pub");
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Every path in `use` statements, with `{…}` groups expanded.
fn use_paths(code: &str) -> Vec<String> {
    fn expand(s: &str) -> Vec<String> {
        let Some(open) = s.find('{') else { return vec![s.to_string()] };
        let close = s.rfind('}').filter(|&c| c > open).unwrap_or(s.len());
        let (prefix, inner) = (&s[..open], &s[open + 1..close]);
        let mut parts = Vec::new();
        let (mut depth, mut cur) = (0, String::new());
        for c in inner.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            if c == ',' && depth == 0 {
                parts.push(std::mem::take(&mut cur));
            } else {
                cur.push(c);
            }
        }
        parts.push(cur);
        parts.iter().filter(|p| !p.is_empty()).flat_map(|p| expand(&format!("{prefix}{p}"))).collect()
    }
    let mut out = Vec::new();
    let mut rest = code;
    while !rest.is_empty() {
        let line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
        let line = rest[..line_end].trim_start();
        let line = if line.starts_with("pub") { line.split_once(' ').map_or("", |(_, r)| r) } else { line };
        let Some(stmt) = line.strip_prefix("use ") else {
            rest = &rest[line_end..];
            continue;
        };
        // The statement runs to its `;`, over as many lines as it takes.
        let from = rest.find(stmt).unwrap_or(0);
        let end = rest[from..].find(';').map_or(rest.len(), |i| from + i);
        let stmt: String = rest[from..end].chars().filter(|c| !c.is_whitespace()).collect();
        out.extend(expand(&stmt));
        rest = &rest[(end + 1).min(rest.len())..];
    }
    out
}

/// Every inline path starting with one of `heads` (`crate`, `super`, `self`, child modules).
fn inline_paths(code: &str, heads: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    for head in heads {
        let pat = format!("{head}::");
        let mut from = 0;
        while let Some(i) = code[from..].find(&pat) {
            let at = from + i;
            from = at + pat.len();
            if at > 0 && (ident(bytes[at - 1]) || bytes[at - 1] == b':') {
                continue;
            }
            let mut end = at;
            while end < bytes.len() && (ident(bytes[end]) || bytes[end] == b':') {
                end += 1;
            }
            out.push(code[at..end].trim_end_matches(':').to_string());
        }
    }
    out
}

fn imports(module: &Module, code: &str, files: &BTreeMap<Module, String>) -> BTreeSet<Module> {
    let kids: Vec<String> = code
        .lines()
        .filter_map(|l| {
            let l = l.trim();
            let l = l.strip_prefix("pub ").unwrap_or(l);
            let name = l.strip_prefix("mod ")?.strip_suffix(';')?;
            Some(name.trim().to_string())
        })
        .collect();
    let mut heads: Vec<String> = ["crate", "super", "self"].map(String::from).to_vec();
    heads.extend(kids.iter().cloned());
    let mut paths = use_paths(code);
    paths.extend(inline_paths(code, &heads));
    let mut out = BTreeSet::new();
    for p in paths {
        let segs: Vec<&str> = p.split("::").collect();
        let mut target: Module = match segs[0] {
            "crate" => Vec::new(),
            "super" | "self" => module.clone(),
            k if kids.iter().any(|kid| kid == k) => module.clone(),
            _ => continue,
        };
        let mut rest = if segs[0] == "crate" { &segs[1..] } else { &segs[..] };
        while let Some((&"super", tail)) = rest.split_first() {
            target.pop();
            rest = tail;
        }
        if rest.first() == Some(&"self") {
            rest = &rest[1..];
        }
        target.extend(rest.iter().map(|s| s.to_string()));
        while !files.contains_key(&target) && !target.is_empty() {
            target.pop();
        }
        if files.contains_key(&target) && &target != module {
            out.insert(target);
        }
    }
    out
}

/// Strongly connected components of more than one file (Tarjan).
fn cycles(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<BTreeSet<Module>> {
    struct Walk<'a> {
        edges: &'a BTreeMap<Module, BTreeSet<Module>>,
        index: BTreeMap<&'a Module, usize>,
        low: BTreeMap<&'a Module, usize>,
        stack: Vec<&'a Module>,
        out: Vec<BTreeSet<Module>>,
    }
    fn visit<'a>(w: &mut Walk<'a>, v: &'a Module) {
        let n = w.index.len();
        w.index.insert(v, n);
        w.low.insert(v, n);
        w.stack.push(v);
        if let Some(next) = w.edges.get(v) {
            for u in next {
                let Some((u, _)) = w.edges.get_key_value(u) else { continue };
                if !w.index.contains_key(u) {
                    visit(w, u);
                    let l = w.low[u].min(w.low[v]);
                    w.low.insert(v, l);
                } else if w.stack.contains(&u) {
                    let l = w.index[u].min(w.low[v]);
                    w.low.insert(v, l);
                }
            }
        }
        if w.low[v] == w.index[v] {
            let mut comp = BTreeSet::new();
            while let Some(u) = w.stack.pop() {
                comp.insert(u.clone());
                if u == v {
                    break;
                }
            }
            if comp.len() > 1 {
                w.out.push(comp);
            }
        }
    }
    let mut w =
        Walk { edges, index: BTreeMap::new(), low: BTreeMap::new(), stack: Vec::new(), out: Vec::new() };
    for v in edges.keys() {
        if !w.index.contains_key(v) {
            visit(&mut w, v);
        }
    }
    w.out
}

fn name(m: &Module) -> String {
    m.join("/")
}

struct Crate {
    files: BTreeMap<Module, String>,
    texts: BTreeMap<Module, String>,
}

fn read_crate() -> Crate {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    rust_files(&src, &mut paths);
    let mut files = BTreeMap::new();
    let mut texts = BTreeMap::new();
    for p in paths {
        let rel = p.strip_prefix(&src).expect("under src").to_string_lossy().replace('\\', "/");
        if rel == "main.rs" {
            continue;
        }
        let module = module_of(&rel);
        texts.insert(module.clone(), std::fs::read_to_string(&p).expect("read"));
        files.insert(module, rel);
    }
    Crate { files, texts }
}

#[test]
fn no_file_imports_a_file_that_imports_it_back() {
    let c = read_crate();
    let edges: BTreeMap<Module, BTreeSet<Module>> =
        c.texts.iter().map(|(m, t)| (m.clone(), imports(m, &code_of(t), &c.files))).collect();
    // The checker sees imports at all: the reader's state imports the view's leaf.
    let app = vec!["app".to_string()];
    assert!(edges[&app].iter().any(|m| name(m) == "app/state/view"), "{:?}", edges[&app]);
    let mut found = Vec::new();
    for comp in cycles(&edges) {
        let names: Vec<String> = comp.iter().map(name).collect();
        if KNOWN_CYCLES.iter().any(|k| k.iter().map(|s| s.to_string()).collect::<Vec<_>>() == names) {
            continue;
        }
        let why: Vec<String> = comp
            .iter()
            .flat_map(|m| {
                edges[m]
                    .iter()
                    .filter(|t| comp.contains(*t))
                    .map(move |t| format!("{} → {}", name(m), name(t)))
            })
            .collect();
        found.push(why.join(", "));
    }
    assert!(found.is_empty(), "import cycles between files:\n{}", found.join("\n"));
}

#[test]
fn a_cycle_is_found_where_there_is_one() {
    // Two files importing each other, as the checker reads them.
    let files: BTreeMap<Module, String> =
        [(vec!["a".to_string()], "a.rs".to_string()), (vec!["a".into(), "b".into()], "a/b.rs".into())].into();
    let a = imports(&vec!["a".into()], "mod b;\nuse self::b::Thing;\n", &files);
    let b = imports(
        &vec!["a".into(), "b".into()],
        "use super::{Other, x::y};\nfn f() { crate::a::g() }\n",
        &files,
    );
    let edges: BTreeMap<Module, BTreeSet<Module>> =
        [(vec!["a".into()], a), (vec!["a".into(), "b".into()], b)].into();
    assert_eq!(cycles(&edges).len(), 1);
}

#[test]
fn every_source_file_stays_under_about_600_lines() {
    let c = read_crate();
    let long: Vec<String> = c
        .files
        .iter()
        .filter(|(m, rel)| c.texts[*m].lines().count() > MAX_LINES && !KNOWN_LONG.contains(&rel.as_str()))
        .map(|(m, rel)| format!("{rel}: {} lines", c.texts[m].lines().count()))
        .collect();
    assert!(long.is_empty(), "files over {MAX_LINES} lines: {long:?}");
}
