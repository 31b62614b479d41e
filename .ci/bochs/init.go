// Command init is PID 1 of the initramfs that .ci/avx512-emulated boots
// under bochs. It mounts what a Go test binary needs, runs /test in /pkg
// (a copy of the package directory) with the arguments in /args and the
// environment in /env (one a line), prints the binary's exit status on
// the serial console and powers the machine off, which ends bochs.
//
// It is built on its own (go build .ci/bochs/init.go), not as part of the
// module's packages.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"
)

// The markers the script looks for in the serial console log: the test
// output lies between them, and the status line carries the exit status.
const (
	startMarker  = "lowbit-emulated: start"
	statusMarker = "lowbit-emulated: exit status "
)

// tcsbrk is the TCSBRK ioctl; with argument 1 it waits until the terminal
// has sent all its output (tcdrain).
const tcsbrk = 0x5409

func main() {
	status := run()
	fmt.Printf("\n%s%d\n", statusMarker, status)
	// Power-off does not wait for the serial port to send what is queued.
	syscall.Syscall(syscall.SYS_IOCTL, os.Stdout.Fd(), tcsbrk, 1)
	syscall.Sync()
	if err := syscall.Reboot(syscall.LINUX_REBOOT_CMD_POWER_OFF); err != nil {
		fmt.Println("lowbit-emulated: power off:", err)
	}
	// PID 1 must not exit (the kernel would panic); the script's timeout
	// ends a machine that did not power off.
	for {
		time.Sleep(time.Hour)
	}
}

// run runs the test binary and returns its exit status, or 125 if it
// could not be run (128+n if signal n killed it).
func run() int {
	for _, m := range []struct{ fs, dir string }{{"devtmpfs", "/dev"}, {"proc", "/proc"}, {"sysfs", "/sys"}, {"tmpfs", "/tmp"}} {
		if err := os.MkdirAll(m.dir, 0o755); err != nil {
			fmt.Println("lowbit-emulated:", err)
			return 125
		}
		if err := syscall.Mount(m.fs, m.dir, m.fs, 0, ""); err != nil && !errors.Is(err, syscall.EBUSY) {
			fmt.Printf("lowbit-emulated: mount %s on %s: %v\n", m.fs, m.dir, err)
			return 125
		}
	}
	args, err := lines("/args")
	if err != nil {
		fmt.Println("lowbit-emulated:", err)
		return 125
	}
	env, err := lines("/env")
	if err != nil {
		fmt.Println("lowbit-emulated:", err)
		return 125
	}
	cmd := exec.Command("/test", args...)
	cmd.Dir = "/pkg"
	cmd.Env = append([]string{"HOME=/tmp", "TMPDIR=/tmp", "PATH=/"}, env...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	fmt.Printf("%s: %s %s\n", startMarker, strings.Join(env, " "), strings.Join(args, " "))
	start := time.Now()
	err = cmd.Run()
	fmt.Printf("lowbit-emulated: the test binary ran %.2f s of guest time\n", time.Since(start).Seconds())
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &exit):
		if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			fmt.Println("lowbit-emulated: the test binary was killed by", ws.Signal())
			return 128 + int(ws.Signal())
		}
		return exit.ExitCode()
	default:
		fmt.Println("lowbit-emulated:", err)
		return 125
	}
}

// lines returns the non-empty lines of a file.
func lines(file string) ([]string, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l != "" {
			out = append(out, l)
		}
	}
	return out, nil
}
