/* parallel.c: the fork pool of parallel.h. Forked workers rather than threads:
 * the renderers (cairo's font cache, libharu, the view models' caches) are not
 * thread-safe, and a page needs no result back but its file. */
#include "parallel.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_WORKERS 4

struct pool {
	int njobs, nworkers;
	int (*job)(void *, int, char *, size_t);
	void *ctx;
};

/* Worker w's share: jobs w, w + nworkers, … */
static int
run_share(const struct pool *p, int w, char *why, size_t whylen)
{
	int rc = 0, j;

	for (j = w; rc == 0 && j < p->njobs; j += p->nworkers)
		rc = p->job(p->ctx, j, why, whylen);
	return rc;
}

int
parallel_run(int njobs, int (*job)(void *ctx, int j, char *why, size_t whylen),
    void *ctx, char *why, size_t whylen)
{
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	struct pool p = { njobs, ncpu < 1 ? 1 : ncpu > MAX_WORKERS ? MAX_WORKERS : (int)ncpu,
	    job, ctx };
	pid_t pid[MAX_WORKERS], parent = getpid();
	int fd[MAX_WORKERS], forked, w, rc = 0, first = 0;

	why[0] = '\0';
	if (p.nworkers > njobs)
		p.nworkers = njobs < 1 ? 1 : njobs;
	fflush(NULL);
	for (forked = 1; forked < p.nworkers; forked++) {
		int pfd[2];
		if (pipe(pfd) != 0)
			break;
		if ((pid[forked] = fork()) < 0) {
			close(pfd[0]);
			close(pfd[1]);
			break;
		}
		if (pid[forked] == 0) {
			char msg[600];
			int n;
			/* A killed build must not leave workers writing on. */
			if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent)
				_exit(2);
			close(pfd[0]);
			rc = run_share(&p, forked, why, whylen);
			n = snprintf(msg, sizeof msg, "%d %s", rc, why);
			if (write(pfd[1], msg, (size_t)(n < (int)sizeof msg ? n : (int)sizeof msg - 1)) < 0)
				_exit(2);
			fflush(NULL);
			_exit(rc != 0);
		}
		close(pfd[1]);
		fd[forked] = pfd[0];
	}
	/* Shares whose worker could not be started are done here, so that no job
	 * is skipped whatever fork() says. */
	rc = run_share(&p, 0, why, whylen);
	for (w = forked; rc == 0 && w < p.nworkers; w++)
		rc = run_share(&p, w, why, whylen);
	for (w = 1; w < forked; w++) {
		char msg[600];
		ssize_t n = read(fd[w], msg, sizeof msg - 1);
		int status = 0, wrc;
		close(fd[w]);
		if (waitpid(pid[w], &status, 0) < 0 || !WIFEXITED(status) || n <= 0) {
			if (rc == 0 && first == 0) {
				first = EIO;
				snprintf(why, whylen, "a worker process failed");
			}
			continue;
		}
		msg[n] = '\0';
		wrc = atoi(msg);
		if (wrc != 0 && rc == 0 && first == 0) {
			first = wrc;
			snprintf(why, whylen, "%s", strchr(msg, ' ') ? strchr(msg, ' ') + 1 : "");
		}
	}
	return rc != 0 ? rc : first;
}
