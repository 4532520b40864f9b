// Package lang holds the languages okrctl writes its reports in (English,
// Italian and Spanish): the translated messages of the status and report
// outputs, and each language's number and date formats. Messages are
// looked up by key (Lang.T); every key exists in every language, which a
// test checks. The validation messages are not translated: they are for CI
// logs. See docs/architecture.md, "Output and languages".
package lang
