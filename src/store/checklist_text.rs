//! Writing a checklist as RON in the layout of the built-in files: one field per
//! line, default fields left out, lists of words and deductions on one line. The
//! same checklist gives the same bytes; `checklist_file::parse_checklist` reads it
//! back to an equal checklist.

use std::fmt::Write;

use serde::Serialize;

use crate::model::checklist::{Checklist, Item, Rules, Scope, Section};

const INDENT: &str = "    ";

/// RON text of a checklist, with `comment` lines (if any) on top.
pub fn encode_checklist(checklist: &Checklist, comment: &[String]) -> String {
    let mut out = String::new();
    for line in comment {
        let clean: String = line
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let _ = writeln!(out, "// {clean}");
    }
    out.push_str("Checklist(\n");
    let mut w = Writer { out, depth: 1 };
    w.field("id", &scalar(&checklist.id));
    w.field("version", &checklist.version.to_string());
    w.field("title", &scalar(&checklist.title));
    if let Some(description) = &checklist.description {
        w.field("description", &scalar(description));
    }
    if checklist.rules != Rules::default() {
        w.open("rules: (");
        write_rules(&mut w, &checklist.rules);
        w.close("),");
    }
    if !checklist.renamed.is_empty() {
        let pairs: Vec<String> = checklist
            .renamed
            .iter()
            .map(|(old, new)| format!("{}: {}", scalar(old), scalar(new)))
            .collect();
        w.field("renamed", &format!("{{{}}}", pairs.join(", ")));
    }
    write_sections(&mut w, &checklist.sections);
    let mut out = w.out;
    out.push_str(")\n");
    out
}

struct Writer {
    out: String,
    depth: usize,
}

impl Writer {
    fn line(&mut self, text: &str) {
        for _ in 0..self.depth {
            self.out.push_str(INDENT);
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn field(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}: {value},"));
    }

    fn open(&mut self, text: &str) {
        self.line(text);
        self.depth += 1;
    }

    fn close(&mut self, text: &str) {
        self.depth -= 1;
        self.line(text);
    }
}

/// One value as RON writes it: strings quoted and escaped, floats with a point.
fn scalar<T: Serialize + ?Sized>(value: &T) -> String {
    ron::to_string(value).unwrap_or_else(|_| "\"\"".to_string())
}

fn words(list: &[String]) -> String {
    let quoted: Vec<String> = list.iter().map(scalar).collect();
    format!("[{}]", quoted.join(", "))
}

fn write_rules(w: &mut Writer, rules: &Rules) {
    if let Some(from) = rules.disqualify_from {
        w.field("disqualify_from", &scalar(&from));
    }
    if let Some(over) = rules.disqualify_over {
        w.field("disqualify_over", &scalar(&over));
    }
    if !rules.grades.is_empty() {
        let grades: Vec<String> = rules
            .grades
            .iter()
            .map(|(threshold, label)| format!("({}, {})", scalar(threshold), scalar(label)))
            .collect();
        w.field("grades", &format!("[{}]", grades.join(", ")));
    }
    if !rules.levels.is_empty() {
        let levels: Vec<String> = rules
            .levels
            .iter()
            .map(|(label, ratio)| format!("({}, {})", scalar(label), scalar(ratio)))
            .collect();
        w.field("levels", &format!("[{}]", levels.join(", ")));
    }
}

fn write_sections(w: &mut Writer, sections: &[Section]) {
    if sections.is_empty() {
        return;
    }
    w.open("sections: [");
    for section in sections {
        w.open("Section(");
        w.field("code", &scalar(&section.code));
        w.field("title", &scalar(&section.title));
        if !section.items.is_empty() {
            w.open("items: [");
            for item in &section.items {
                write_item(w, item);
            }
            w.close("],");
        }
        write_sections(w, &section.sections);
        w.close("),");
    }
    w.close("],");
}

fn write_item(w: &mut Writer, item: &Item) {
    w.open("Item(");
    w.field("code", &scalar(&item.code));
    w.field("title", &scalar(&item.title));
    if let Some(standard) = &item.standard {
        w.field("standard", &scalar(standard));
    }
    w.field("points", &scalar(&item.points));
    for (name, list) in [
        ("methods", &item.methods),
        ("evidence", &item.evidence),
        ("owners", &item.owners),
    ] {
        if !list.is_empty() {
            w.field(name, &words(list));
        }
    }
    if !item.deductions.is_empty() {
        let deductions: Vec<String> = item
            .deductions
            .iter()
            .map(|d| match &d.unit {
                Some(unit) => format!(
                    "({}, {}, {})",
                    scalar(&d.reason),
                    scalar(&d.points),
                    scalar(unit)
                ),
                None => format!("({}, {})", scalar(&d.reason), scalar(&d.points)),
            })
            .collect();
        w.field("deductions", &format!("[{}]", deductions.join(", ")));
    }
    for (name, set) in [
        ("veto", item.veto),
        ("bonus", item.bonus),
        ("penalty", item.penalty),
    ] {
        if set {
            w.field(name, "true");
        }
    }
    if item.scope != Scope::Department {
        w.field("scope", &scalar(item.scope.as_str()));
    }
    if !item.rate.is_empty() {
        let bands: Vec<String> = item
            .rate
            .iter()
            .map(|(threshold, deduction)| format!("({}, {})", scalar(threshold), scalar(deduction)))
            .collect();
        w.field("rate", &format!("[{}]", bands.join(", ")));
    }
    w.close("),");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::catalog::BUILTIN_CHECKLISTS;
    use crate::store::checklist_file::parse_checklist;

    #[test]
    fn every_builtin_checklist_reads_back_equal() {
        for (name, text) in BUILTIN_CHECKLISTS {
            let checklist = parse_checklist(text.as_bytes(), name).expect("built-in parses");
            let written = encode_checklist(&checklist, &[]);
            let read = parse_checklist(written.as_bytes(), name)
                .unwrap_or_else(|e| panic!("{name}: {e:?}\n{written}"));
            assert_eq!(read, checklist, "{name}");
            assert_eq!(encode_checklist(&read, &[]), written, "{name}: same bytes");
        }
    }

    #[test]
    fn odd_text_and_every_field_survive() {
        let text = r##"(id: "t", version: 7, title: "引号\"与\\反斜杠", description: "多行\n文本",
            rules: (disqualify_from: 2.0, grades: [(90.0, "优秀"), (0.0, "差")], levels: [("A", 1.0), ("B", 0.5)]),
            renamed: {"0.1": "1.1"},
            sections: [(code: "1", title: "一", items: [
                (code: "1.1", title: "条\t目", standard: "r#\"raw\"#", points: 2.5, methods: ["看"],
                 evidence: ["表"], owners: ["办公室"], deductions: [("缺", 1.0), ("每次", 0.5, "次")],
                 scope: "unit", rate: [(85.0, 0.0), (0.0, 2.0)]),
                (code: "1.2", title: "否决", veto: true),
                (code: "1.3", title: "负面", points: 2.0, penalty: true),
            ], sections: [(code: "1.9", title: "子", items: [(code: "1.9.1", title: "加", points: 1.0, bonus: true)])])])"##;
        let checklist = parse_checklist(text.as_bytes(), "x.ron").expect("parses");
        let written = encode_checklist(&checklist, &["来源：细则.xlsx\n第二行".to_string()]);
        assert!(
            written.starts_with("// 来源：细则.xlsx 第二行\nChecklist(\n"),
            "{written}"
        );
        let read = parse_checklist(written.as_bytes(), "y.ron").expect("reads back");
        assert_eq!(read, checklist);
    }
}
