import { imageRepo } from '../../api/images.js';
import { NGINX_50X, NGINX_CONF, NGINX_DEFAULT_CONF, NGINX_INDEX } from './nginx-files.js';

/** The part of an image's root file system a lab looks at, plus the directories that exist. */
export interface ImageFiles {
  files: Record<string, string>;
  dirs: string[];
  /** HOME of the image's user (kuard runs as nobody, whose home is `/`). */
  home: string;
}

const alpineRelease = (version: string, bugs: string) => ({
  '/etc/alpine-release': `${version}\n`,
  '/etc/os-release': `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${version}\nPRETTY_NAME="Alpine Linux v${version.split('.').slice(0, 2).join('.')}"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="${bugs}"\n`,
});

/** Alpine before 3.17 shipped the long historical passwd (root's shell /bin/ash). */
const ALPINE_OLD_PASSWD = `root:x:0:0:root:/root:/bin/ash
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
adm:x:3:4:adm:/var/adm:/sbin/nologin
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
sync:x:5:0:sync:/sbin:/bin/sync
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
halt:x:7:0:halt:/sbin:/sbin/halt
mail:x:8:12:mail:/var/mail:/sbin/nologin
news:x:9:13:news:/usr/lib/news:/sbin/nologin
uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin
operator:x:11:0:operator:/root:/sbin/nologin
man:x:13:15:man:/usr/man:/sbin/nologin
postmaster:x:14:12:postmaster:/var/mail:/sbin/nologin
cron:x:16:16:cron:/var/spool/cron:/sbin/nologin
ftp:x:21:21::/var/lib/ftp:/sbin/nologin
sshd:x:22:22:sshd:/dev/null:/sbin/nologin
at:x:25:25:at:/var/spool/cron/atjobs:/sbin/nologin
squid:x:31:31:Squid:/var/cache/squid:/sbin/nologin
xfs:x:33:33:X Font Server:/etc/X11/fs:/sbin/nologin
games:x:35:35:games:/usr/games:/sbin/nologin
cyrus:x:85:12::/usr/cyrus:/sbin/nologin
vpopmail:x:89:89::/var/vpopmail:/sbin/nologin
ntp:x:123:123:NTP:/var/empty:/sbin/nologin
smmsp:x:209:209:smmsp:/var/spool/mqueue:/sbin/nologin
guest:x:405:100:guest:/dev/null:/sbin/nologin
nobody:x:65534:65534:nobody:/:/sbin/nologin
`;

const ALPINE_PASSWD = `root:x:0:0:root:/root:/bin/sh
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
sync:x:5:0:sync:/sbin:/bin/sync
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
halt:x:7:0:halt:/sbin:/sbin/halt
mail:x:8:12:mail:/var/mail:/sbin/nologin
news:x:9:13:news:/usr/lib/news:/sbin/nologin
uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin
cron:x:16:16:cron:/var/spool/cron:/sbin/nologin
ftp:x:21:21::/var/lib/ftp:/sbin/nologin
sshd:x:22:22:sshd:/dev/null:/sbin/nologin
games:x:35:35:games:/usr/games:/sbin/nologin
ntp:x:123:123:NTP:/var/empty:/sbin/nologin
guest:x:405:100:guest:/dev/null:/sbin/nologin
nobody:x:65534:65534:nobody:/:/sbin/nologin
`;

/** The busybox image (buildroot): no os-release, a short passwd. */
const BUSYBOX_PASSWD = `root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
`;

const DEBIAN_PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
nginx:x:101:101:nginx user:/nonexistent:/bin/false
`;

const DEBIAN_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

const JESSIE_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 8 (jessie)"
NAME="Debian GNU/Linux"
VERSION_ID="8"
VERSION="8 (jessie)"
ID=debian
HOME_URL="http://www.debian.org/"
SUPPORT_URL="http://www.debian.org/support/"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

/** nginx's welcome page before 1.23 (no color-scheme style): the classic 612 bytes. */
const NGINX_INDEX_2015 = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
    body {
        width: 35em;
        margin: 0 auto;
        font-family: Tahoma, Verdana, Arial, sans-serif;
    }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

const UNIX_DIRS = ['/', '/bin', '/dev', '/etc', '/home', '/lib', '/mnt', '/opt', '/proc', '/root', '/run', '/sbin', '/srv', '/sys', '/tmp', '/usr', '/usr/bin', '/usr/lib', '/usr/local', '/usr/sbin', '/var', '/var/log', '/var/tmp'];

/**
 * Image files by image. kiamol/ch03-sleep is FROM alpine:3.12 (rebuilt in autumn 2021, when its
 * `apk add curl` got curl 7.79.1: Alpine 3.12.8); alpine/curlimages are Alpine 3.21 (busybox 1.37);
 * kuard is FROM alpine and runs as nobody; nginx is Debian 12.8; whoami images are FROM scratch.
 */
export function imageFiles(image: string): ImageFiles {
  const repo = imageRepo(image);
  switch (repo) {
    case 'kiamol/ch03-sleep':
      return { files: { ...alpineRelease('3.12.8', 'https://bugs.alpinelinux.org/'), '/etc/passwd': ALPINE_OLD_PASSWD }, dirs: UNIX_DIRS, home: '/root' };
    case 'alpine':
    case 'curlimages/curl':
      return { files: { ...alpineRelease('3.21.0', 'https://gitlab.alpinelinux.org/alpine/aports/-/issues'), '/etc/passwd': ALPINE_PASSWD }, dirs: UNIX_DIRS, home: '/root' };
    case 'kuar-demo/kuard-amd64':
      return { files: { ...alpineRelease('3.12.8', 'https://bugs.alpinelinux.org/'), '/etc/passwd': ALPINE_OLD_PASSWD, '/kuard': '' }, dirs: UNIX_DIRS, home: '/' };
    case 'busybox':
    case 'radial/busyboxplus':
      return { files: { '/etc/passwd': BUSYBOX_PASSWD }, dirs: UNIX_DIRS, home: '/root' };
    case 'nginx':
      return {
        files: {
          '/etc/os-release': DEBIAN_OS_RELEASE,
          '/etc/debian_version': '12.8\n',
          '/etc/passwd': DEBIAN_PASSWD,
          '/etc/nginx/nginx.conf': NGINX_CONF,
          '/etc/nginx/conf.d/default.conf': NGINX_DEFAULT_CONF,
          '/usr/share/nginx/html/index.html': NGINX_INDEX,
          '/usr/share/nginx/html/50x.html': NGINX_50X,
        },
        dirs: [...UNIX_DIRS, '/docker-entrypoint.d', '/var/cache/nginx', '/var/log/nginx'],
        home: '/root',
      };
    case 'bprashanth/nginxhttps':
      // FROM nginx of late 2015 (Debian jessie): the welcome page of that era (612 bytes) and no conf.d
      // of its own worth keeping — the docs mount theirs over it.
      return {
        files: {
          '/etc/os-release': JESSIE_OS_RELEASE,
          '/etc/debian_version': '8.2\n',
          '/etc/passwd': DEBIAN_PASSWD,
          '/etc/nginx/nginx.conf': NGINX_CONF,
          '/usr/share/nginx/html/index.html': NGINX_INDEX_2015,
          '/usr/share/nginx/html/50x.html': NGINX_50X,
        },
        dirs: [...UNIX_DIRS, '/etc/nginx/conf.d', '/var/cache/nginx', '/var/log/nginx'],
        home: '/root',
      };
    case 'sixeyed/whoami':
    case 'traefik/whoami':
      return { files: {}, dirs: ['/', '/dev', '/etc', '/proc', '/sys'], home: '/root' };
    default:
      return { files: {}, dirs: UNIX_DIRS, home: '/root' };
  }
}
