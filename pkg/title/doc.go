// Package title reads what a key result's title states, in English, Italian
// and Spanish: the numbers it writes (with either thousands convention,
// decimal commas and points, scales, percentages and currencies, or in
// words), and what each of them is — a target to reach, the start and end
// of a range, a comparison, a relative change, a multiplier (double,
// dimezzare, reducir a la mitad), or no target at all (a date, a period, a
// count of scope such as "in 3 markets", a label such as "B2B", a reference
// value in parentheses). It also finds the rate a title speaks of
// ("monthly", "al mese", "a la semana").
//
// The rules that use it (vague, title-number, rate-title) are described in
// docs/rules.md. The package imports nothing of okrctl's: it reads a string.
// Read is called for every key result of a repository and allocates
// nothing but its result; how it keeps to that is told in
// docs/architecture.md ("Reading titles").
package title
