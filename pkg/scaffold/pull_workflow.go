package scaffold

// pullWorkflowPath is where init writes the scheduled pull workflow.
const pullWorkflowPath = ".github/workflows/okrctl-pull.yml"

// pullWorkflowYAML runs okrctl pull every week and on demand and proposes
// the new snapshot rows as one pull request, so that every number fetched
// from a database, a URL or a command is reviewed and kept in git's
// history. Actions are pinned by commit (the version in a comment).
const pullWorkflowYAML = `# Written by okrctl init. Every Monday, and on demand (Actions → okrctl pull
# → Run workflow): fetch each KPI's values from its source (the source: of
# the KPI's definition) and open, or update, one pull request with the new
# snapshot rows. A changed past value is a conflict: the job fails and names
# it; run okrctl pull --update by hand to accept it.
name: okrctl pull

on:
  schedule:
    - cron: "17 6 * * 1"  # Mondays at 06:17 UTC
  workflow_dispatch:

permissions:
  contents: write        # push the branch of the pull request
  pull-requests: write   # open or update it

concurrency:
  group: okrctl-pull
  cancel-in-progress: false

jobs:
  pull:
    runs-on: ubuntu-latest
    timeout-minutes: 30
    steps:
      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1
      - uses: actions/setup-go@b7ad1dad31e06c5925ef5d2fc7ad053ef454303e # v7.0.0
        with:
          go-version: stable
          cache: false
      - name: Install okrctl
        run: go install github.com/okrctl/okrctl/cmd/okrctl@@VERSION@

      - name: Pull the KPIs
        id: pull
        # Sources read their secrets from the environment variables their
        # KPIs name (dsn_env, header_env): give each one a repository secret
        # (Settings → Secrets and variables → Actions), one line each, e.g.
        #   LEADS_DB: ${{ secrets.LEADS_DB }}
        env:
          LEADS_DB: ${{ secrets.LEADS_DB }}
        run: |
          status=0
          okrctl pull || status=$?
          echo "status=$status" >> "$GITHUB_OUTPUT"

      - name: Open or update the pull request
        uses: peter-evans/create-pull-request@5f6978faf089d4d20b00c7766989d076bb2fc7f1 # v8.1.1
        with:
          branch: okrctl/pull
          delete-branch: true
          add-paths: "**/*.csv"
          commit-message: "kpis: add the rows okrctl pull fetched"
          title: "KPIs: new snapshot rows"
          body: |
            New rows fetched by ` + "`okrctl pull`" + ` from the KPIs' sources.
            Review them like any change: the status and report read them once merged.

      - name: Fail on a source error or a conflict
        if: steps.pull.outputs.status != '0'
        env:
          STATUS: ${{ steps.pull.outputs.status }}
        run: |
          echo "::error::okrctl pull exited $STATUS: see the step Pull the KPIs"
          exit 1
`
