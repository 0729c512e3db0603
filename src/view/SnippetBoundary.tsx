import { Component, type ReactNode } from 'react';
import { toSnippetError, type SnippetError } from '../core/snippet-error.ts';
import type { Theme } from '../core/types.ts';
import { renderReact } from './render-react.ts';
import { noticeTree } from './viewer-tree.ts';

interface Props {
  name: string;
  theme: Theme;
  onError(error: SnippetError): void;
  children: ReactNode;
}

/** Keeps a crash inside one viewer: that element shows a notice naming it, every other snippet carries on. */
export class SnippetBoundary extends Component<Props, { crashed: boolean; error: unknown }> {
  override state = { crashed: false, error: undefined as unknown };
  private failure: SnippetError | null = null;

  static getDerivedStateFromError(error: unknown) {
    return { crashed: true, error };
  }

  /** The one error for this crash: shown by render, reported by componentDidCatch. */
  private failureOf(): SnippetError {
    this.failure ??= toSnippetError(this.state.error, 'render-failed', this.props.name, `The viewer of "${this.props.name}" crashed`);
    return this.failure;
  }

  override componentDidCatch() {
    this.props.onError(this.failureOf());
  }

  override render() {
    return this.state.crashed ? renderReact(noticeTree(this.failureOf(), this.props.theme)) : this.props.children;
  }
}
