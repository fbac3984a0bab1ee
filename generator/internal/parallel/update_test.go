package parallel

import _ "github.com/eventnews/gen/generator/internal/sitetest/golden" // go test ./... -update
