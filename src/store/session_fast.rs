//! Session files for the index pass, read without RON when they are exactly as zicha
//! writes them.
//!
//! A cold `zicha list` reads every session file; the serde + RON decode was most of
//! its time. zicha's own files have one layout (`session_file::encode`: struct names,
//! fields in declaration order, four-space indents, one value a line), and this
//! reader accepts only that layout. Anything else (a hand edit, other spacing,
//! comments, reordered or unknown fields, `Some(…)`, escapes it does not know, a
//! conflict marker, a damaged file) is not recognised, and the file goes to
//! [`session_file::decode`], which reads it or locates what is wrong with it. What
//! this reader does accept, it reads to the same [`Session`] the RON decode gives
//! (`tests/proptest_session_fast.rs` checks both on random sessions and perturbed
//! files).

use super::checklist_file::{FileProblem, decode_text};
use super::session_file::{self, Decoded};
use super::session_reader::Reader;
use crate::model::attachment::{Attachment, AttachmentKind};
use crate::model::checklist::Scope;
use crate::model::rate::SurveyedRate;
use crate::model::session::{
    ChecklistRef, FreeDeduction, Recheck, RecheckResult, Rectification, RectificationDone,
    Response, Session, Status,
};

/// What `session_file::encode` writes first: the extension the store's RON options
/// enable anyway.
const HEADER: &str = "#![enable(implicit_some)]\n";

/// [`session_file::decode`], quicker on files in zicha's own layout.
pub fn decode(bytes: &[u8], file: &str) -> Result<Decoded, FileProblem> {
    let text = decode_text(bytes, file)?;
    match read(text) {
        Some(session) => Ok(session_file::decoded(session)),
        None => session_file::decode_text_of(text, file),
    }
}

/// The session in `text`, when `text` is in exactly the layout zicha writes.
pub fn read(text: &str) -> Option<Session> {
    let mut reader = Reader::new(text.strip_prefix(HEADER)?);
    let session = session(&mut reader)?;
    reader.expect("\n")?;
    reader.at_end().then_some(session)
}

fn session(r: &mut Reader<'_>) -> Option<Session> {
    r.open("Session")?;
    let session = Session {
        format: r.field("format", Reader::unsigned)?,
        id: r.field("id", Reader::uuid)?,
        checklist: r.field("checklist", checklist_ref)?,
        round: r.field("round", Reader::string)?,
        date: r.field("date", Reader::date)?,
        department: r.field("department", Reader::string)?,
        scope: r.defaulted("scope", scope)?,
        inspector: r.defaulted("inspector", Reader::string)?,
        created: r.field("created", Reader::time)?,
        updated: r.field("updated", Reader::time)?,
        seq: r.field("seq", Reader::unsigned)?,
        finished: r.defaulted("finished", |r| r.option(Reader::time))?,
        header_rev: r.defaulted("header_rev", Reader::string)?,
        header_seen: r.defaulted("header_seen", strings)?,
        responses: r.defaulted("responses", |r| r.map(Reader::string, response))?,
        conflicts: r.defaulted("conflicts", |r| r.map(Reader::string, |r| r.list(response)))?,
    };
    r.close(")")?;
    Some(session)
}

fn checklist_ref(r: &mut Reader<'_>) -> Option<ChecklistRef> {
    r.open("ChecklistRef")?;
    let reference = ChecklistRef {
        id: r.field("id", Reader::string)?,
        version: r.field("version", Reader::unsigned)?,
        hash: r.field("hash", Reader::string)?,
    };
    r.close(")")?;
    Some(reference)
}

/// `Scope` is written as a string and read with its `TryFrom<String>`.
fn scope(r: &mut Reader<'_>) -> Option<Scope> {
    Scope::try_from(r.string()?).ok()
}

fn strings(r: &mut Reader<'_>) -> Option<Vec<String>> {
    r.list(Reader::string)
}

fn response(r: &mut Reader<'_>) -> Option<Response> {
    r.open("Response")?;
    let response = Response {
        status: r.defaulted("status", status)?,
        deductions: r.defaulted("deductions", |r| r.list(Reader::unsigned))?,
        counts: r.defaulted("counts", |r| r.map(Reader::unsigned, Reader::unsigned))?,
        level: r.defaulted("level", |r| r.option(Reader::string))?,
        rate: r.defaulted("rate", |r| r.option(rate))?,
        free_deduction: r.defaulted("free_deduction", |r| r.option(free_deduction))?,
        note: r.defaulted("note", Reader::string)?,
        evidence: r.defaulted("evidence", strings)?,
        rectification: r.defaulted("rectification", |r| r.option(rectification))?,
        attachments: r.defaulted("attachments", |r| r.list(attachment))?,
        by: r.defaulted("by", Reader::string)?,
        at: r.defaulted("at", |r| r.option(Reader::time))?,
        rev: r.defaulted("rev", Reader::string)?,
        seen: r.defaulted("seen", strings)?,
    };
    r.close(")")?;
    Some(response)
}

fn status(r: &mut Reader<'_>) -> Option<Status> {
    let word = r.word();
    Status::ALL
        .into_iter()
        .find(|status| status.as_str() == word)
}

/// `Fraction(numerator: …, denominator: …)` or `Percent(…)`.
fn rate(r: &mut Reader<'_>) -> Option<SurveyedRate> {
    if r.eat("Percent(") {
        let percent = r.float()?;
        r.expect(")")?;
        return Some(SurveyedRate::Percent(percent));
    }
    r.open("Fraction")?;
    let rate = SurveyedRate::Fraction {
        numerator: r.field("numerator", Reader::unsigned)?,
        denominator: r.field("denominator", Reader::unsigned)?,
    };
    r.close(")")?;
    Some(rate)
}

fn free_deduction(r: &mut Reader<'_>) -> Option<FreeDeduction> {
    r.open("FreeDeduction")?;
    let free = FreeDeduction {
        reason: r.field("reason", Reader::string)?,
        points: r.field("points", Reader::float)?,
    };
    r.close(")")?;
    Some(free)
}

fn rectification(r: &mut Reader<'_>) -> Option<Rectification> {
    r.open("Rectification")?;
    let rectification = Rectification {
        owner_department: r.defaulted("owner_department", Reader::string)?,
        owner: r.defaulted("owner", Reader::string)?,
        measure: r.defaulted("measure", Reader::string)?,
        due: r.defaulted("due", |r| r.option(Reader::date))?,
        done: r.defaulted("done", |r| r.option(done))?,
        rechecks: r.defaulted("rechecks", |r| r.list(recheck))?,
    };
    r.close(")")?;
    Some(rectification)
}

fn done(r: &mut Reader<'_>) -> Option<RectificationDone> {
    r.open("RectificationDone")?;
    let done = RectificationDone {
        at: r.field("at", Reader::time)?,
        by: r.defaulted("by", Reader::string)?,
        note: r.defaulted("note", Reader::string)?,
    };
    r.close(")")?;
    Some(done)
}

fn recheck(r: &mut Reader<'_>) -> Option<Recheck> {
    r.open("Recheck")?;
    let recheck = Recheck {
        result: r.field("result", |r| match r.word() {
            "pass" => Some(RecheckResult::Pass),
            "fail" => Some(RecheckResult::Fail),
            _ => None,
        })?,
        by: r.defaulted("by", Reader::string)?,
        at: r.field("at", Reader::time)?,
        note: r.defaulted("note", Reader::string)?,
        session: r.defaulted("session", |r| r.option(Reader::uuid))?,
        implied: r.defaulted("implied", Reader::boolean)?,
    };
    r.close(")")?;
    Some(recheck)
}

fn attachment(r: &mut Reader<'_>) -> Option<Attachment> {
    r.open("Attachment")?;
    let attachment = Attachment {
        file: r.field("file", Reader::string)?,
        sha256: r.field("sha256", Reader::string)?,
        size: r.field("size", Reader::unsigned)?,
        kind: r.field("kind", kind)?,
        taken: r.defaulted("taken", Reader::string)?,
        caption: r.defaulted("caption", Reader::string)?,
    };
    r.close(")")?;
    Some(attachment)
}

/// The variant names serde writes (lower case).
fn kind(r: &mut Reader<'_>) -> Option<AttachmentKind> {
    Some(match r.word() {
        "jpeg" => AttachmentKind::Jpeg,
        "png" => AttachmentKind::Png,
        "pdf" => AttachmentKind::Pdf,
        "doc" => AttachmentKind::Doc,
        "docx" => AttachmentKind::Docx,
        "xls" => AttachmentKind::Xls,
        "xlsx" => AttachmentKind::Xlsx,
        _ => return None,
    })
}

#[cfg(test)]
#[path = "session_fast_tests.rs"]
mod tests;
