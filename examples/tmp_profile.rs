use std::time::Instant;
use messages_explorer::core::corpus::Corpus;
use messages_explorer::core::query::{Explorer, Selection, Sort};
fn main() {
    let json = std::fs::read("target/bench-browser/synthetic-100000.json").unwrap();
    let corpus: Corpus = serde_json::from_slice(&json).unwrap();
    let mut e = Explorer::new(corpus);
    for q in ["data ", "digital data access ", "gov", "di", "\"digital divide\"", ""] {
        let sel = Selection { text: q.into(), ..Selection::default() };
        let mut t_search = vec![]; let mut t_run = vec![]; let mut t_chrono = vec![];
        for _ in 0..30 {
            let s = Instant::now();
            let query = e.index_mut().parse(q);
            let hits = e.index().search(&query);
            t_search.push(s.elapsed().as_secs_f64()*1e3);
            std::hint::black_box(hits);
            let s = Instant::now(); let o = e.run(&sel); t_run.push(s.elapsed().as_secs_f64()*1e3); std::hint::black_box(o);
            let sel2 = Selection { sort: Sort::Chronological, ..sel.clone() };
            let s = Instant::now(); let o = e.run(&sel2); t_chrono.push(s.elapsed().as_secs_f64()*1e3); std::hint::black_box(o);
        }
        let med = |v: &mut Vec<f64>| { v.sort_by(|a,b| a.partial_cmp(b).unwrap()); v[v.len()/2] };
        println!("{q:24} search {:.3} run {:.3} chrono {:.3} hits {}", med(&mut t_search), med(&mut t_run), med(&mut t_chrono), e.run(&sel).messages.len());
    }
}
