package serve

import (
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"syscall"
)

// Listen opens the TCP address the server answers on. When the port is busy
// and fixed is false, the next ports are tried, up to 20 of them, and note
// says which one was taken instead.
func Listen(bind string, port int, fixed bool) (ln net.Listener, note string, err error) {
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
				note = fmt.Sprintf("port %d is busy, using %d", port, p)
			}
			return ln, note, nil
		}
		if !errors.Is(err, syscall.EADDRINUSE) {
			return nil, "", fmt.Errorf("cannot listen on %s: %v", net.JoinHostPort(bind, strconv.Itoa(p)), unwrapOp(err))
		}
	}
	if fixed {
		return nil, "", fmt.Errorf("port %d on %s is already in use (by another gen serve, perhaps): stop that program, or choose another port with --port, or leave --port out to take the next free one", port, bind)
	}
	return nil, "", fmt.Errorf("ports %d to %d on %s are all in use: choose a free port with --port", port, port+tries-1, bind)
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
