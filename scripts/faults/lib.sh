# Helpers the fault scripts share (sourced, not run).
#   free_port                  a free loopback TCP port
#   random_between LO HI       an integer in [LO, HI]
#   db_query DB SQL            one value from the database (DB: sqlite:PATH or a postgres:// URL)
#   fresh_postgres NAME        creates database NAME on the with-postgres.sh cluster, prints its URL
#   table_row FAULT HAPPENED LOST   appends one row to the fault table ($FAULT_TABLE, if set)

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

random_between() {
  echo $(($1 + RANDOM % ($2 - $1 + 1)))
}

db_query() {
  local db=$1 sql=$2
  if [[ $db == postgres* ]]; then
    psql -X -q -A -t -v ON_ERROR_STOP=1 "$db" -c "$sql"
  else
    sqlite3 -batch -noheader -cmd '.timeout 10000' "${db#sqlite:}" "$sql"
  fi
}

fresh_postgres() {
  : "${PREP_TEST_POSTGRES:?run inside scripts/with-postgres.sh}"
  psql -X -q "$PREP_TEST_POSTGRES" -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null
  echo "${PREP_TEST_POSTGRES%/*}/$1"
}

table_row() {
  echo "| $1 | $2 | $3 |"
  if [[ -n ${FAULT_TABLE:-} ]]; then
    printf '| %s | %s | %s |\n' "$1" "$2" "$3" >>"$FAULT_TABLE"
  fi
}

# "lost 0, duplicated 0, half-applied 0, unfinished 0" from the driver's verify output.
verify_summary() {
  node -e '
    const v = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const c = v.checked;
    console.log(`${v.lost} lost, ${v.duplicated} duplicated, ${v.halfApplied} half-applied, ${v.unfinished} without a verdict ` +
      `(of ${c.answers} answers, ${c.ratings} ratings, ${c.lessonsDone} lessons done, ${c.submissions} submissions)`);
  ' "$1"
}

# Requests by outcome from the driver's run summary: "ok … 503 … down … errors …".
run_summary() {
  node -e '
    const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    console.log(`${s.down} requests unanswered while down, ${s.unavailable} clear 503s, ${s.errors} errors`);
  ' "$1"
}
