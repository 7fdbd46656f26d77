//! A predefined deduction, written `(reason, points)` or `(reason, points, unit)`.

use std::fmt;

use serde::de::{self, IgnoredAny, SeqAccess, Visitor};
use serde::ser::SerializeTuple;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Deduction {
    pub reason: String,
    /// Points taken once, or per occurrence when `unit` is given.
    pub points: f64,
    /// The word an occurrence is counted in (次, 人次, 处, 期, 项, 篇); a deduction with
    /// a unit is applied with a count K ≥ 1 and takes K × points.
    pub unit: Option<String>,
}

impl Deduction {
    /// A deduction applied once.
    pub fn once(reason: &str, points: f64) -> Deduction {
        Deduction {
            reason: reason.to_string(),
            points,
            unit: None,
        }
    }

    /// A deduction applied per occurrence, counted in `unit`.
    pub fn per(reason: &str, points: f64, unit: &str) -> Deduction {
        Deduction {
            reason: reason.to_string(),
            points,
            unit: Some(unit.to_string()),
        }
    }

    pub fn is_per_occurrence(&self) -> bool {
        self.unit.is_some()
    }
}

impl Serialize for Deduction {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = if self.unit.is_some() { 3 } else { 2 };
        let mut tuple = serializer.serialize_tuple(len)?;
        tuple.serialize_element(&self.reason)?;
        tuple.serialize_element(&self.points)?;
        if let Some(unit) = &self.unit {
            tuple.serialize_element(unit)?;
        }
        tuple.end()
    }
}

impl<'de> Deserialize<'de> for Deduction {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Deduction, D::Error> {
        deserializer.deserialize_tuple(3, DeductionVisitor)
    }
}

struct DeductionVisitor;

const EXPECTED: &str = "a deduction (reason, points) or (reason, points, unit)";

impl<'de> Visitor<'de> for DeductionVisitor {
    type Value = Deduction;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Deduction, A::Error> {
        let reason: String = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(0, &EXPECTED))?;
        let points: f64 = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(1, &EXPECTED))?;
        let unit: Option<String> = seq.next_element()?;
        if seq.next_element::<IgnoredAny>()?.is_some() {
            return Err(de::Error::invalid_length(4, &EXPECTED));
        }
        Ok(Deduction {
            reason,
            points,
            unit,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Vec<Deduction>, String> {
        crate::store::checklist_file::ron_options()
            .from_str(text)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn two_and_three_element_forms_read_and_write_back() {
        let read = parse(r#"[("无计划", 2.0), ("每缺一次", 0.5, "次")]"#).unwrap();
        assert_eq!(
            read,
            [
                Deduction::once("无计划", 2.0),
                Deduction::per("每缺一次", 0.5, "次")
            ]
        );
        let text = ron::to_string(&read).unwrap();
        assert_eq!(text, r#"[("无计划",2.0),("每缺一次",0.5,"次")]"#);
        assert_eq!(parse(&text).unwrap(), read);
    }

    #[test]
    fn other_shapes_are_errors_that_say_what_was_expected() {
        for bad in [r#"[("缺")]"#, r#"[("缺", 1.0, "次", 2)]"#] {
            let error = parse(bad).unwrap_err();
            assert!(error.contains("(reason, points, unit)"), "{bad}: {error}");
        }
        assert!(parse(r#"[("缺", "一分")]"#).is_err());
    }

    #[test]
    fn a_bad_deduction_in_a_checklist_file_is_located() {
        let text = "(id: \"t\", version: 1, title: \"表\", sections: [(code: \"1\", title: \"一\",\n  items: [(code: \"1.1\", title: \"条\", points: 2.0,\n    deductions: [(\"每次\", 1.0, \"次\", 9)])])])";
        let problems = crate::store::checklist_file::parse_checklist(text.as_bytes(), "x.ron")
            .expect_err("four elements");
        let shown = problems[0].to_string();
        assert!(shown.starts_with("x.ron:3:"), "{shown}");
        assert!(shown.contains("(reason, points, unit)"), "{shown}");
    }
}
