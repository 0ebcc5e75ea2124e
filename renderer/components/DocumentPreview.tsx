import { Alert, Box, Button, Center, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n';
import { base64ToBytes, downloadFile, type FilePayload } from '../lib/files';
import { openPdf, preloadPdf, type PageImage, type PdfPages } from '../lib/pdf';
import { printPages } from '../lib/print';

// Print preview (issue #18): every printable document opens here instead of going straight to a download. The
// pages are drawn as images fitted to the dialog's width; "Yazdır" prints those pages alone (never the app's
// screen), "Kaydet" saves the PDF as before. A screen calls `usePreview().open(file, title)` with the file a
// document channel returned.

export interface Preview {
  open(file: FilePayload, title: string): void;
}

const PreviewContext = createContext<Preview | null>(null);

/**
 * The preview of the document a screen asked for; one for the whole app. A screen that can open a preview
 * loads pdf.js while idle, so the first preview does not wait for it.
 */
export function usePreview(): Preview {
  const preview = useContext(PreviewContext);
  if (!preview) throw new Error('usePreview needs a DocumentPreviewProvider');
  useEffect(() => {
    const id = requestIdleCallback(preloadPdf, { timeout: 5_000 });
    return () => cancelIdleCallback(id);
  }, []);
  return preview;
}

interface Request {
  file: FilePayload;
  title: string;
  /** A fresh preview (new rendering) per request, even for the same file. */
  id: number;
}

export function DocumentPreviewProvider({ children }: { children: ReactNode }) {
  const [request, setRequest] = useState<Request | null>(null);
  const [opened, setOpened] = useState(false);
  const nextId = useRef(0);
  const preview = useMemo<Preview>(
    () => ({
      open: (file, title) => {
        setRequest({ file, title, id: ++nextId.current });
        setOpened(true);
      },
    }),
    [],
  );
  return (
    <PreviewContext.Provider value={preview}>
      {children}
      {request && <DocumentPreview key={request.id} request={request} opened={opened} onClose={() => setOpened(false)} onClosed={() => setRequest(null)} />}
    </PreviewContext.Provider>
  );
}

type Rendering = { state: 'loading'; pageCount: number | null; pages: PageImage[] } | { state: 'ready'; pages: PageImage[] } | { state: 'failed' };

/** Draws every page of the PDF, one after another, so the first shows while the rest are drawn. */
function usePages(file: FilePayload): Rendering {
  const [rendering, setRendering] = useState<Rendering>({ state: 'loading', pageCount: null, pages: [] });
  useEffect(() => {
    let cancelled = false;
    let pdf: PdfPages | undefined;
    void (async () => {
      try {
        const opened = await openPdf(base64ToBytes(file.contentBase64));
        if (cancelled) return void opened.close();
        pdf = opened;
        const pageCount = opened.pageCount;
        const pages: PageImage[] = [];
        setRendering({ state: 'loading', pageCount, pages: [] });
        for (let n = 1; n <= pageCount; n++) {
          pages.push(await opened.render(n));
          if (cancelled) return;
          setRendering(n === pageCount ? { state: 'ready', pages: [...pages] } : { state: 'loading', pageCount, pages: [...pages] });
        }
      } catch {
        if (!cancelled) setRendering({ state: 'failed' });
      }
    })();
    return () => {
      cancelled = true;
      void pdf?.close();
    };
  }, [file]);
  return rendering;
}

/** The page most in view, 1-based, as the dialog scrolls; `track(n)` is the ref for page n's element. */
function useCurrentPage(count: number): [number, (n: number) => (element: HTMLElement | null) => void] {
  const [current, setCurrent] = useState(1);
  const ratios = useRef(new Map<number, number>());
  const observer = useRef<IntersectionObserver | null>(null);
  const refs = useRef(new Map<number, (element: HTMLElement | null) => void>());
  useEffect(
    () => () => {
      observer.current?.disconnect();
      observer.current = null;
    },
    [],
  );
  const track = useCallback((n: number) => {
    let ref = refs.current.get(n);
    if (!ref) {
      ref = (element) => {
        if (!element) return;
        observer.current ??= new IntersectionObserver(
          (entries) => {
            for (const entry of entries) ratios.current.set(Number((entry.target as HTMLElement).dataset.page), entry.intersectionRatio);
            // The first page with the largest visible share.
            let best = 1;
            let bestRatio = -1;
            for (const [page, ratio] of [...ratios.current].sort((a, b) => a[0] - b[0])) {
              if (ratio > bestRatio) [best, bestRatio] = [page, ratio];
            }
            setCurrent(best);
          },
          { threshold: [0, 0.25, 0.5, 0.75, 1] },
        );
        element.dataset.page = String(n);
        observer.current.observe(element);
      };
      refs.current.set(n, ref);
    }
    return ref;
  }, []);
  return [Math.min(current, Math.max(count, 1)), track];
}

function DocumentPreview({ request, opened, onClose, onClosed }: { request: Request; opened: boolean; onClose: () => void; onClosed: () => void }) {
  const t = useT();
  const { file, title } = request;
  const rendering = usePages(file);
  const pages = rendering.state === 'failed' ? [] : rendering.pages;
  const pageCount = rendering.state === 'ready' ? rendering.pages.length : rendering.state === 'loading' ? rendering.pageCount : null;
  const [current, track] = useCurrentPage(pageCount ?? 0);
  const frame = useRef<HTMLIFrameElement | null>(null);
  const ready = rendering.state === 'ready';

  const print = useCallback(async () => {
    if (rendering.state !== 'ready') return;
    frame.current?.remove();
    frame.current = null;
    try {
      frame.current = await printPages(rendering.pages, file.fileName.replace(/\.pdf$/i, ''));
    } catch {
      notifications.show({ color: 'red', title: t('common.errorTitle'), message: t('preview.printError') });
    }
  }, [rendering, file.fileName, t]);

  // The print frame lives as long as the preview: a print dialog that does not block may still be reading it.
  useEffect(() => () => frame.current?.remove(), []);

  // Ctrl+P in the preview prints the document; without this the browser would print the app's screen.
  useEffect(() => {
    if (!opened) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'p') return;
      event.preventDefault();
      event.stopPropagation();
      if (!event.repeat) void print();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [opened, print]);

  return (
    <Modal.Root opened={opened} onClose={onClose} onExitTransitionEnd={onClosed} size="min(60rem, 100%)" yOffset="2dvh" xOffset="2vw">
      <Modal.Overlay />
      <Modal.Content data-testid="document-preview">
        <Modal.Header style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
            <Modal.Title fw={600}>{title}</Modal.Title>
            <Text size="xs" c="dimmed" truncate="end">
              {t('preview.subtitle')} · <span translate="no">{file.fileName}</span>
            </Text>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            {pageCount !== null && (
              <Text size="sm" c="dimmed" mr="xs" data-testid="preview-page-count" style={{ whiteSpace: 'nowrap' }}>
                {t('preview.pageCount', { page: current, count: pageCount })}
              </Text>
            )}
            <Button onClick={() => void print()} disabled={!ready} aria-keyshortcuts="Control+P">
              {t('preview.print')}
            </Button>
            <Button variant="default" onClick={() => downloadFile(file)}>
              {t('preview.save')}
            </Button>
            <Modal.CloseButton aria-label={t('preview.close')} />
          </Group>
        </Modal.Header>
        <Modal.Body p="md" bg="gray.1">
          {rendering.state === 'failed' ? (
            <Alert color="red" title={t('preview.errorTitle')} mt="md" data-testid="preview-error">
              {t('preview.error')}
            </Alert>
          ) : (
            <>
              <Stack gap="md" pt="md" role="list" aria-label={t('preview.pages')} aria-busy={!ready}>
                {pages.map((page, i) => (
                  <Box key={i} role="listitem" ref={track(i + 1)} bg="white" style={{ boxShadow: 'var(--mantine-shadow-sm)', lineHeight: 0 }}>
                    <img src={page.src} alt={t('preview.pageAlt', { page: i + 1 })} style={{ width: '100%', height: 'auto', aspectRatio: `${page.widthMm} / ${page.heightMm}` }} />
                  </Box>
                ))}
              </Stack>
              {!ready && (
                <Center py="xl" role="status">
                  <Group gap="sm">
                    <Loader size="sm" />
                    <Text size="sm">{t('preview.loading')}</Text>
                  </Group>
                </Center>
              )}
            </>
          )}
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
