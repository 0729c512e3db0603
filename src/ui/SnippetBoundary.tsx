import { Component, type ReactNode } from 'react';
import { toSnippetError, type SnippetError } from '../core/snippet-error';
import { Notice } from './Notice';

interface Props {
  name: string;
  onError(error: SnippetError): void;
  children: ReactNode;
}

/** Keeps a crash inside one viewer: that element shows a notice, every other snippet carries on. */
export class SnippetBoundary extends Component<Props, { failure: SnippetError | null }> {
  override state = { failure: null as SnippetError | null };

  static getDerivedStateFromError(error: unknown) {
    return { failure: toSnippetError(error, 'render-failed', '', 'The viewer crashed') };
  }

  override componentDidCatch(error: unknown) {
    this.props.onError(toSnippetError(error, 'render-failed', this.props.name, 'The viewer crashed'));
  }

  override render() {
    return this.state.failure ? <Notice error={this.state.failure} /> : this.props.children;
  }
}
