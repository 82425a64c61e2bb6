//! Prints how well yuedu's outline, figures, quotes and speakers match the labelled corpus
//! (`tests/corpus/`): precision, recall and kind accuracy per text, per kind and in all.
//!
//! The labelled web pages (`tests/corpus/pages/`) are a kind of their own, `web`, with a
//! line of their own under the table (boilerplate kept, article words kept, leads right).
//!
//! `cargo run --release --example eval` prints the table; `-- --misses` adds every miss
//! under its text; `-- ID…` limits the run to those texts.

#[path = "../tests/corpus/eval.rs"]
mod eval;
#[path = "../tests/corpus/web.rs"]
mod web;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let misses = args.iter().any(|a| a == "--misses");
    let wanted: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let mut scores = Vec::new();
    for id in eval::ids() {
        if !wanted.is_empty() && !wanted.iter().any(|w| id.starts_with(w.as_str())) {
            continue;
        }
        match eval::score(&id) {
            Ok(s) => scores.push(s),
            Err(e) => {
                eprintln!("eval: {e}");
                std::process::exit(2);
            }
        }
    }
    let mut pages = Vec::new();
    for id in eval::web_ids() {
        if !wanted.is_empty() && !wanted.iter().any(|w| id.starts_with(w.as_str())) {
            continue;
        }
        match web::score(&id) {
            Ok(s) => {
                scores.push(s.text.clone());
                pages.push(s);
            }
            Err(e) => {
                eprintln!("eval: {e}");
                std::process::exit(2);
            }
        }
    }
    let (table, _) = eval::table(&scores);
    print!("{table}");
    if !pages.is_empty() {
        println!("{}", web::summary(&pages));
    }
    if misses {
        for s in &scores {
            if !s.misses.is_empty() {
                println!("\n## {}", s.id);
                for m in &s.misses {
                    println!("{m}");
                }
            }
        }
    }
}
