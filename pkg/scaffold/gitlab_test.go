package scaffold

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/cgi"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// gitlabCI is the .gitlab-ci.yml init writes, parsed.
func gitlabCI(t *testing.T) map[string]any {
	t.Helper()
	var doc map[string]any
	if err := yaml.Unmarshal(filesFor(t, "gitlab")[".gitlab-ci.yml"], &doc); err != nil {
		t.Fatalf(".gitlab-ci.yml is not YAML: %v", err)
	}
	return doc
}

// lines returns a job's script or before_script entries.
func lines(t *testing.T, job map[string]any, key string) []string {
	t.Helper()
	var out []string
	for _, l := range asList(job[key]) {
		s, ok := l.(string)
		if !ok {
			t.Fatalf("%s entry %v is not a string", key, l)
		}
		out = append(out, s)
	}
	return out
}

func asList(v any) []any { l, _ := v.([]any); return l }

// TestGitLabScriptsParse checks every shell line of every job with sh -n,
// the shell that reads the lines, strictest of those a runner may use.
func TestGitLabScriptsParse(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	parse := func(src string) error {
		cmd := exec.Command(sh, "-n")
		cmd.Stdin = strings.NewReader(src)
		out, err := cmd.CombinedOutput()
		if err != nil {
			return fmt.Errorf("%v: %s", err, out)
		}
		return nil
	}
	n := 0
	for name, v := range gitlabCI(t) {
		job, ok := v.(map[string]any)
		if !ok {
			continue
		}
		for _, key := range []string{"before_script", "script"} {
			for _, l := range lines(t, job, key) {
				n++
				if err := parse(l); err != nil {
					t.Errorf("%s %s: %q: %v", name, key, l, err)
				}
			}
		}
	}
	if n < 10 {
		t.Errorf("checked %d lines: the jobs were not found", n)
	}
	if parse("if [ -n x ]; then\n  echo\n") == nil {
		t.Error("sh -n accepts a broken line: the check checks nothing")
	}
}

// TestGitLabPullJobRules reads the pull job's rules and setting as written:
// which pipelines run it is checked by GitLab's own rules engine in
// TestGitLabPullRunsOnlyWhenAsked.
func TestGitLabPullJobRules(t *testing.T) {
	ci := string(filesFor(t, "gitlab")[".gitlab-ci.yml"])
	job, ok := gitlabCI(t)["okrctl-pull"].(map[string]any)
	if !ok {
		t.Fatal("no job okrctl-pull")
	}
	if job["extends"] != ".okrctl" || job["resource_group"] != "okrctl-pull" {
		t.Errorf("okrctl-pull: extends %v, resource_group %v", job["extends"], job["resource_group"])
	}
	for _, r := range asList(job["rules"]) {
		cond, _ := r.(map[string]any)["if"].(string)
		if !strings.Contains(cond, `$CI_PIPELINE_SOURCE == "schedule"`) && !strings.Contains(cond, `$CI_PIPELINE_SOURCE == "web" && $OKRCTL_PULL == "1"`) {
			t.Errorf("okrctl-pull runs when %s", cond)
		}
	}
	script := strings.Join(lines(t, job, "script"), "\n")
	for _, s := range []string{"okrctl pull || status=$?", "-o merge_request.create", `-o merge_request.target="$CI_DEFAULT_BRANCH"`, `case $status in`} {
		if !strings.Contains(script, s) {
			t.Errorf("the pull script lacks %q", s)
		}
	}
	// Nothing traces the script, and the token is never in a URL.
	for _, s := range []string{"set -x", "xtrace", "oauth2:$", "@$CI_SERVER", "remote add"} {
		if strings.Contains(ci, s) {
			t.Errorf(".gitlab-ci.yml contains %q", s)
		}
	}
	for _, s := range []string{"Pipeline schedules", "0 6 * * 1", "OKRCTL_GITLAB_TOKEN", "write_repository", "dsn_env", "OKRCTL_PULL = 1"} {
		if !strings.Contains(ci, s) {
			t.Errorf("the header does not say %q", s)
		}
	}
}

// gitlabCILocal is the directory of the gitlab-ci-local npm package that
// scripts/test-deps.sh installs: it carries GitLab's CI schema
// (src/schema/schema.js, GitLab's app/assets/javascripts/editor/schema/ci.json)
// and evaluates rules as GitLab does.
func gitlabCILocal(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("GITLAB_CI_LOCAL")
	if dir == "" {
		cache, err := os.UserCacheDir()
		if err == nil {
			dir = filepath.Join(cache, "okrctl-gitlab-ci-local", "node_modules", "gitlab-ci-local")
		}
	}
	_, err := os.Stat(filepath.Join(dir, "src", "index.js"))
	if _, nodeErr := exec.LookPath("node"); err != nil || nodeErr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("no gitlab-ci-local (GITLAB_CI_LOCAL=%q) or node: run scripts/test-deps.sh", dir)
		}
		t.Skip("no gitlab-ci-local or node: run scripts/test-deps.sh")
	}
	return dir
}

// gitlabSchema compiles GitLab's CI schema as gitlab-ci-local ships it.
func gitlabSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	mod := filepath.Join(gitlabCILocal(t), "src", "schema", "schema.js")
	src, err := exec.Command("node", "--input-type=module", "-e",
		fmt.Sprintf("import {schema} from %q; process.stdout.write(JSON.stringify(schema))", mod)).Output()
	if err != nil {
		t.Fatalf("read GitLab's CI schema from %s: %v", mod, err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.UseLoader(offline{})
	const id = "https://gitlab.com/.gitlab-ci.yml"
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(id)
	if err != nil {
		t.Fatalf("compile GitLab's CI schema: %v", err)
	}
	return s
}

// offline refuses every URL the schema does not carry itself.
type offline struct{}

func (offline) Load(url string) (any, error) { return nil, fmt.Errorf("no network in tests: %s", url) }

// TestGitLabCIFollowsGitLabSchema validates the .gitlab-ci.yml init writes
// against GitLab's own CI schema, the one its pipeline editor uses.
func TestGitLabCIFollowsGitLabSchema(t *testing.T) {
	schema := gitlabSchema(t)
	instance := func(doc map[string]any) any {
		b, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if err := schema.Validate(instance(gitlabCI(t))); err != nil {
		t.Errorf(".gitlab-ci.yml does not follow GitLab's schema: %v", err)
	}
	// The schema does reject a broken pipeline.
	broken := gitlabCI(t)
	broken["okrctl-pull"].(map[string]any)["rules"] = []any{map[string]any{"if": "$X", "when": "sometimes"}}
	if err := schema.Validate(instance(broken)); err == nil {
		t.Error("GitLab's schema accepts when: sometimes: the check checks nothing")
	}
}

// TestGitLabPullRunsOnlyWhenAsked asks gitlab-ci-local, which evaluates
// rules as GitLab does (and validates against GitLab's schema), which jobs
// each kind of pipeline runs.
func TestGitLabPullRunsOnlyWhenAsked(t *testing.T) {
	if testing.Short() {
		t.Skip("runs gitlab-ci-local")
	}
	glci := gitlabCILocal(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".gitlab-ci.yml"), filesFor(t, "gitlab")[".gitlab-ci.yml"], 0o644); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "HOME="+dir, "GIT_CONFIG_NOSYSTEM=1")
	git(t, dir, env, "init", "-q", "-b", "main")
	git(t, dir, env, "add", ".")
	git(t, dir, env, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "init")
	git(t, dir, env, "remote", "add", "origin", "https://gitlab.example.com/team/okrs.git")
	for i, tc := range []struct {
		vars []string
		want []string // the jobs that run
	}{
		{[]string{"CI_PIPELINE_SOURCE=push"}, []string{"okrctl-validate"}},
		{[]string{"CI_PIPELINE_SOURCE=merge_request_event"}, []string{"okrctl-validate", "okrctl-diff"}},
		{[]string{"CI_PIPELINE_SOURCE=merge_request_event", "OKRCTL_PULL=1"}, []string{"okrctl-validate", "okrctl-diff"}},
		{[]string{"CI_PIPELINE_SOURCE=schedule"}, []string{"okrctl-validate", "okrctl-pull"}},
		{[]string{"CI_PIPELINE_SOURCE=schedule", "OKRCTL_PULL=0"}, []string{"okrctl-validate"}},
		{[]string{"CI_PIPELINE_SOURCE=schedule", "CI_COMMIT_BRANCH=feature"}, nil},
		{[]string{"CI_PIPELINE_SOURCE=web"}, []string{"okrctl-validate"}},
		{[]string{"CI_PIPELINE_SOURCE=web", "OKRCTL_PULL=1"}, []string{"okrctl-validate", "okrctl-pull"}},
		{[]string{"CI_PIPELINE_SOURCE=push", "OKRCTL_PULL=1"}, []string{"okrctl-validate"}},
	} {
		args := []string{filepath.Join(glci, "src", "index.js"), "--list-json"}
		if i > 0 { // validated against the schema once is enough
			args = append(args, "--json-schema-validation=false")
		}
		for _, v := range tc.vars {
			args = append(args, "--variable", v)
		}
		cmd := exec.Command("node", args...)
		cmd.Dir, cmd.Env = dir, env
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("gitlab-ci-local %v: %v\n%s", tc.vars, err, stderr.Bytes())
		}
		var jobs []struct{ Name, When string }
		if err := json.Unmarshal(out, &jobs); err != nil {
			t.Fatalf("gitlab-ci-local %v: %v\n%s", tc.vars, err, out)
		}
		var run []string
		for _, j := range jobs {
			if j.When != "never" {
				run = append(run, j.Name)
			}
		}
		if len(jobs) != 3 || !slices.Equal(run, tc.want) {
			t.Errorf("%v: jobs %v run, want %v (listed %v)", tc.vars, run, tc.want, jobs)
		}
	}
}

func git(t *testing.T, dir string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

// fakeOkrctl stands in for okrctl pull: FAKE_PULL says what its sources
// return, with the exit codes of the real command (1: a source failed or a
// conflict left a file untouched; 2: a configuration error).
const fakeOkrctl = `#!/bin/sh
[ "$1" = pull ] || { echo "fake okrctl: $*" >&2; exit 2; }
f=kpis/snapshots/leads.csv
case "$FAKE_PULL" in
none)
  echo "leads: 2 rows fetched, 0 added, 0 conflicts → $f (unchanged)" >&2 ;;
rows)
  printf '%s,leads,%s\n' "$FAKE_DATE" "$FAKE_VALUE" >> "$f"
  echo "leads: 3 rows fetched, 1 added, 0 conflicts → $f" >&2
  # A source's file: may be named in upper case, as okrctl reads it.
  [ -f kpis/snapshots/CRM.CSV ] || echo "date,kpi,value" > kpis/snapshots/CRM.CSV
  printf '%s,deals,7\n' "$FAKE_DATE" >> kpis/snapshots/CRM.CSV
  echo "deals: 1 row fetched, 1 added, 0 conflicts → kpis/snapshots/CRM.CSV" >&2 ;;
conflict)
  printf '%s,leads,%s\n' "$FAKE_DATE" "$FAKE_VALUE" >> "$f"
  echo "leads: 3 rows fetched, 1 added, 0 conflicts → $f" >&2
  echo "churn: 2 rows fetched, 0 added, 1 conflict → kpis/snapshots/churn.csv (not written)" >&2
  echo "  kpis/snapshots/churn.csv:2: conflict: churn on 2026-11-02 is 4 in the file but 5 at the source (--update rewrites it)" >&2
  exit 1 ;;
broken)
  echo "okrctl: configuration: .okrctl.yaml:3:1: unknown key" >&2
  exit 2 ;;
esac
`

// gitlabRemote serves a bare repository group/okrs.git over smart HTTP on
// loopback, as GitLab does: git http-backend behind basic authentication
// with the user oauth2 and token, recording the push options of each push
// in pushes.
type gitlabRemote struct {
	url, bare, pushes string
}

func newGitLabRemote(t *testing.T, token string) *gitlabRemote {
	t.Helper()
	gitBin, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git")
	}
	root := t.TempDir()
	r := &gitlabRemote{bare: filepath.Join(root, "group", "okrs.git"), pushes: filepath.Join(root, "pushes")}
	env := append(os.Environ(), "HOME="+root, "GIT_CONFIG_NOSYSTEM=1")
	git(t, root, env, "init", "-q", "--bare", "-b", "main", r.bare)
	git(t, r.bare, env, "config", "receive.advertisePushOptions", "true")
	hook := "#!/bin/sh\n{ echo push; cat; i=0; while [ \"$i\" -lt \"${GIT_PUSH_OPTION_COUNT:-0}\" ]; do eval \"echo \\\"option \\$GIT_PUSH_OPTION_$i\\\"\"; i=$((i+1)); done; } >> " + r.pushes + "\n"
	if err := os.WriteFile(filepath.Join(r.bare, "hooks", "post-receive"), []byte(hook), 0o755); err != nil {
		t.Fatal(err)
	}
	backend := &cgi.Handler{
		Path: gitBin, Args: []string{"http-backend"}, Dir: root,
		Env: []string{"GIT_PROJECT_ROOT=" + root, "GIT_HTTP_EXPORT_ALL=1", "REMOTE_USER=oauth2", "HOME=" + root, "GIT_CONFIG_NOSYSTEM=1"},
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if u, p, ok := req.BasicAuth(); !ok || u != "oauth2" || p != token {
			w.Header().Set("WWW-Authenticate", `Basic realm="GitLab"`)
			http.Error(w, "HTTP Basic: Access denied", http.StatusUnauthorized)
			return
		}
		backend.ServeHTTP(w, req)
	}))
	t.Cleanup(srv.Close)
	r.url = srv.URL
	return r
}

// branch returns the commit refs/heads/name points at, "" when it does not
// exist.
func (r *gitlabRemote) branch(t *testing.T, name string) string {
	t.Helper()
	out, err := exec.Command("git", "--git-dir", r.bare, "rev-parse", "--verify", "--quiet", "refs/heads/"+name).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}

func (r *gitlabRemote) pushLog(t *testing.T) string {
	b, err := os.ReadFile(r.pushes)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	return string(b)
}

// TestGitLabPullJob runs the okrctl-pull job's script, as written, against a
// local GitLab stand-in with a fake okrctl on PATH: nothing new, rows added
// (a branch pushed with the push options that open the merge request), the
// same rows again (nothing pushed), newer rows (the same branch updated), a
// conflict and a configuration error (the job fails), no token and a wrong
// token (the job fails without printing it).
func TestGitLabPullJob(t *testing.T) {
	for _, shell := range jobShells {
		t.Run(shell[0], func(t *testing.T) {
			if _, err := exec.LookPath(shell[0]); err != nil {
				t.Skipf("no %s", shell[0])
			}
			testGitLabPullJob(t, shell)
		})
	}
}

func testGitLabPullJob(t *testing.T, shell []string) {
	const token = "glpat-s3cret-t0ken-value"
	remote := newGitLabRemote(t, token)
	job := gitlabCI(t)["okrctl-pull"].(map[string]any)
	script := strings.Join(lines(t, job, "script"), "\n")
	branch, _ := job["variables"].(map[string]any)["OKRCTL_PULL_BRANCH"].(string)
	if branch != "okrctl/pull" {
		t.Fatalf("OKRCTL_PULL_BRANCH = %q", branch)
	}

	base, bin, gitEnv := pullJobDirs(t)

	// The default branch, with one snapshot row.
	seed := filepath.Join(base, "seed")
	os.MkdirAll(filepath.Join(seed, "kpis", "snapshots"), 0o755)
	os.WriteFile(filepath.Join(seed, "kpis", "snapshots", "leads.csv"), []byte("date,kpi,value\n2026-11-16,leads,120\n"), 0o644)
	git(t, seed, gitEnv, "init", "-q", "-b", "main")
	git(t, seed, gitEnv, "add", ".")
	git(t, seed, gitEnv, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "seed")
	git(t, seed, gitEnv, "push", "-q", remote.bare, "main")
	main := remote.branch(t, "main")
	os.Remove(remote.pushes) // only the job's pushes

	runs := 0
	run := func(tok string, fake ...string) (string, error) {
		t.Helper()
		runs++
		// Like a runner: a fresh checkout of the default branch, detached.
		work := filepath.Join(base, fmt.Sprintf("build%d", runs))
		git(t, base, gitEnv, "clone", "-q", remote.bare, work)
		git(t, work, gitEnv, "checkout", "-q", "--detach", main)
		cmd := exec.Command(shell[0], append(shell[1:], script)...)
		cmd.Dir = work
		cmd.Env = append(gitEnv,
			"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
			"CI_SERVER_URL="+remote.url, "CI_PROJECT_PATH=group/okrs", "CI_DEFAULT_BRANCH=main",
			"OKRCTL_PULL_BRANCH="+branch, "OKRCTL_GITLAB_TOKEN="+tok,
			"GITLAB_USER_NAME=Ada Rossi", "GITLAB_USER_EMAIL=ada@example.com",
		)
		cmd.Env = append(cmd.Env, fake...)
		out, err := cmd.CombinedOutput()
		t.Logf("run %d (%s): %v\n%s", runs, strings.Join(fake, " "), err, out)
		if strings.Contains(string(out), token) || (tok != "" && strings.Contains(string(out), tok)) {
			t.Errorf("the job printed the token:\n%s", out)
		}
		if cfg, _ := os.ReadFile(filepath.Join(work, ".git", "config")); tok != "" && bytes.Contains(cfg, []byte(tok)) {
			t.Error("the token is stored in .git/config")
		}
		return string(out), err
	}
	rowsAt := func(t *testing.T, commit string) string {
		return git(t, remote.bare, gitEnv, "show", commit+":kpis/snapshots/leads.csv")
	}
	exitCode := func(err error) int {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		if err != nil {
			t.Fatal(err)
		}
		return 0
	}

	// Nothing new: no branch, no push, success.
	out, err := run(token, "FAKE_PULL=none")
	if err != nil || !strings.Contains(out, "changed no snapshot file") {
		t.Fatalf("nothing new: %v\n%s", err, out)
	}
	if remote.branch(t, branch) != "" || remote.pushLog(t) != "" {
		t.Fatalf("nothing new, yet pushed:\n%s", remote.pushLog(t))
	}

	// Rows added: one commit on main, pushed with the options that open the
	// merge request into the default branch.
	out, err = run(token, "FAKE_PULL=rows", "FAKE_DATE=2026-11-23", "FAKE_VALUE=131")
	if err != nil {
		t.Fatalf("rows added: %v\n%s", err, out)
	}
	first := remote.branch(t, branch)
	if first == "" {
		t.Fatalf("rows added, but no branch %s:\n%s", branch, out)
	}
	if got := git(t, remote.bare, gitEnv, "show", first+":kpis/snapshots/CRM.CSV"); got != "date,kpi,value\n2026-11-23,deals,7" {
		t.Errorf("the upper-case snapshot file is not proposed as written: %q", got)
	}
	if got := rowsAt(t, first); got != "date,kpi,value\n2026-11-16,leads,120\n2026-11-23,leads,131" {
		t.Errorf("the branch has:\n%s", got)
	}
	if parent := git(t, remote.bare, gitEnv, "rev-parse", first+"^"); parent != main {
		t.Errorf("the commit's parent is %s, want main %s", parent, main)
	}
	if author := git(t, remote.bare, gitEnv, "log", "-1", "--format=%an <%ae>", first); author != "Ada Rossi <ada@example.com>" {
		t.Errorf("author %s", author)
	}
	log := remote.pushLog(t)
	for _, opt := range []string{"option merge_request.create\n", "option merge_request.target=main\n", "option merge_request.remove_source_branch\n", "option merge_request.title=KPIs: new snapshot rows\n", "refs/heads/" + branch + "\n"} {
		if !strings.Contains(log, opt) {
			t.Errorf("the push lacks %q:\n%s", opt, log)
		}
	}

	// The same rows again: the branch already proposes them; nothing pushed.
	out, err = run(token, "FAKE_PULL=rows", "FAKE_DATE=2026-11-23", "FAKE_VALUE=131")
	if err != nil || !strings.Contains(out, "already proposes") {
		t.Errorf("same rows: %v\n%s", err, out)
	}
	if remote.branch(t, branch) != first || remote.pushLog(t) != log {
		t.Error("the same rows were pushed again")
	}

	// Newer rows: the same branch is replaced, so the open merge request
	// shows them; one commit on main still.
	out, err = run(token, "FAKE_PULL=rows", "FAKE_DATE=2026-11-23", "FAKE_VALUE=134")
	second := remote.branch(t, branch)
	if err != nil || second == first {
		t.Fatalf("newer rows: %v, branch %s → %s\n%s", err, first, second, out)
	}
	if got := rowsAt(t, second); !strings.HasSuffix(got, "\n2026-11-23,leads,134") {
		t.Errorf("the updated branch has:\n%s", got)
	}
	if parent := git(t, remote.bare, gitEnv, "rev-parse", second+"^"); parent != main {
		t.Errorf("the updated branch's parent is %s, want main", parent)
	}
	if n := strings.Count(remote.pushLog(t), "option merge_request.create\n"); n != 2 {
		t.Errorf("%d pushes with merge_request.create, want 2", n)
	}

	// A conflict: the rows that could be written are proposed, and the job
	// fails with okrctl's message.
	out, err = run(token, "FAKE_PULL=conflict", "FAKE_DATE=2026-11-30", "FAKE_VALUE=140")
	if code := exitCode(err); code != 1 || !strings.Contains(out, "conflict: churn on 2026-11-02 is 4 in the file but 5 at the source") || !strings.Contains(out, "okrctl pull exited 1: a source failed") {
		t.Errorf("conflict: exit %d\n%s", code, out)
	}
	third := remote.branch(t, branch)
	if third == second || !strings.HasSuffix(rowsAt(t, third), "\n2026-11-30,leads,140") {
		t.Errorf("conflict: the rows that could be written were not proposed (%s)", third)
	}

	// A configuration error: nothing written, nothing pushed, the job fails.
	out, err = run(token, "FAKE_PULL=broken")
	if code := exitCode(err); code != 2 || !strings.Contains(out, "unknown key") || !strings.Contains(out, "changed no snapshot file") || !strings.Contains(out, "okrctl pull exited 2: see its message") {
		t.Errorf("broken: exit %d\n%s", code, out)
	}
	if remote.branch(t, branch) != third {
		t.Error("broken: the branch moved")
	}

	// No token: the rows are shown, not proposed, and the job fails.
	out, err = run("", "FAKE_PULL=rows", "FAKE_DATE=2026-12-07", "FAKE_VALUE=150")
	if code := exitCode(err); code != 1 || !strings.Contains(out, "Set the CI/CD variable OKRCTL_GITLAB_TOKEN") || !strings.Contains(out, "leads.csv") {
		t.Errorf("no token: exit %d\n%s", code, out)
	}
	// A wrong token: the push is refused, and the token is not printed.
	out, err = run("glpat-wrong-t0ken-value", "FAKE_PULL=rows", "FAKE_DATE=2026-12-07", "FAKE_VALUE=150")
	if exitCode(err) == 0 {
		t.Errorf("wrong token: the job succeeded\n%s", out)
	}
	if remote.branch(t, branch) != third {
		t.Error("the branch moved without a valid token")
	}
}

// jobShells are the ways a runner runs a job's script: with bash and
// -o pipefail where the image has bash, else with sh.
var jobShells = [][]string{{"sh", "-e", "-c"}, {"bash", "-e", "-o", "pipefail", "-c"}}

// pullJobDirs makes a directory for running the okrctl-pull job's script,
// with a fake okrctl in bin for PATH and git's environment, whose home is
// its own.
func pullJobDirs(t *testing.T) (base, bin string, gitEnv []string) {
	t.Helper()
	base = t.TempDir()
	bin = filepath.Join(base, "bin")
	os.Mkdir(bin, 0o755)
	if err := os.WriteFile(filepath.Join(bin, "okrctl"), []byte(fakeOkrctl), 0o755); err != nil {
		t.Fatal(err)
	}
	home := filepath.Join(base, "home")
	os.Mkdir(home, 0o755)
	return base, bin, append(os.Environ(), "HOME="+home, "GIT_CONFIG_NOSYSTEM=1", "GIT_TERMINAL_PROMPT=0")
}

// TestGitLabPullJobNoSnapshotFile runs the okrctl-pull job's script in a
// repository that has no CSV file yet (the first scheduled run, before any
// source wrote one): nothing to propose, and the job succeeds rather than
// failing on a pathspec that matches nothing.
func TestGitLabPullJobNoSnapshotFile(t *testing.T) {
	job := gitlabCI(t)["okrctl-pull"].(map[string]any)
	script := strings.Join(lines(t, job, "script"), "\n")
	base, bin, gitEnv := pullJobDirs(t)
	work := filepath.Join(base, "work")
	os.MkdirAll(filepath.Join(work, "okrs"), 0o755)
	os.WriteFile(filepath.Join(work, "okrs", "q4.yaml"), []byte("kind: Objective\n"), 0o644)
	git(t, work, gitEnv, "init", "-q", "-b", "main")
	git(t, work, gitEnv, "add", ".")
	git(t, work, gitEnv, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "seed")
	for _, shell := range jobShells {
		if _, err := exec.LookPath(shell[0]); err != nil {
			continue
		}
		cmd := exec.Command(shell[0], append(shell[1:], script)...)
		cmd.Dir = work
		cmd.Env = append(gitEnv, "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
			"FAKE_PULL=none", "CI_DEFAULT_BRANCH=main", "OKRCTL_PULL_BRANCH=okrctl/pull")
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "changed no snapshot file") {
			t.Errorf("%s: %v\n%s", shell[0], err, out)
		}
	}
}
