package serve

import (
	"errors"
	"net"
	"os"
	"strconv"
	"syscall"

	"github.com/eventnews/gen/generator/internal/diag"
)

// Listen opens the TCP address the server answers on. When the port is busy
// and fixed is false, the next ports are tried, up to 20 of them, and note
// (a diagnostic without a place, to be said in the reader's language) says
// which one was taken instead.
func Listen(bind string, port int, fixed bool) (ln net.Listener, note *diag.Diagnostic, err error) {
	tries := 20
	if fixed || port == 0 {
		tries = 1
	}
	for i := range tries {
		p := port + i
		if p > 65535 {
			break
		}
		ln, err = net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(p)))
		if err == nil {
			if i > 0 {
				note = msgPortTaken.At("", 0, 0, "Port", port, "Using", p)
			}
			return ln, note, nil
		}
		if !errors.Is(err, syscall.EADDRINUSE) {
			return nil, nil, msgCannotListen.At("", 0, 0, "Addr", net.JoinHostPort(bind, strconv.Itoa(p)), "Err", unwrapOp(err))
		}
	}
	if fixed {
		return nil, nil, msgPortBusy.At("", 0, 0, "Port", port, "Bind", bind)
	}
	return nil, nil, msgPortsBusy.At("", 0, 0, "First", port, "Last", port+tries-1, "Bind", bind)
}

func unwrapOp(err error) error {
	var op *net.OpError
	if errors.As(err, &op) && op.Err != nil {
		var sys *os.SyscallError
		if errors.As(op.Err, &sys) {
			return sys.Err
		}
		return op.Err
	}
	return err
}
